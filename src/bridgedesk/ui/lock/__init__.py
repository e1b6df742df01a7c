"""The app lock: the lock screen, the passphrase dialog, idle locking and its menu actions."""
