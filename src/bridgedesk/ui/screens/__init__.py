"""The main window's screens, one package per feature; registry.py lists them in order."""
