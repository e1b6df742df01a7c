"""Qt table models: fed plain rows from services, unit-tested without a window."""
