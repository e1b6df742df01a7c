"""The File menu's dialogs: import, export, backups, restore and the database choice."""
