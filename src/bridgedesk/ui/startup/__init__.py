"""What runs before the main window: the damaged-file offer, the upgrade progress, the ready probe."""
