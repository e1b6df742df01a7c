"""Program file."""
