"""Check-ins, milestones, goals and the schedule that plans them; the week ahead."""
