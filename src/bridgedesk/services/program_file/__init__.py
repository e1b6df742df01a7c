"""The program file and its folder: backups, the start-up check, settings files, the app lock."""
