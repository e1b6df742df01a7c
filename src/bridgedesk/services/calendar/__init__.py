"""The program as a calendar: check-ins, milestones and deadline events for Outlook or Thunderbird."""
