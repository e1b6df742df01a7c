"""The welcome page shown on a new, empty program."""
