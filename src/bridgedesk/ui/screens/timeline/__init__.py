"""The Timeline screen: check-ins and milestones per mentee; the check-in forms."""
