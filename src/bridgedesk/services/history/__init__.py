"""The audit trail of every change, its rows for display, and undo of quick actions."""
