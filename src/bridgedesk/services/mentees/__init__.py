"""The roster: mentees, their records, the roster's table rows and its export."""
