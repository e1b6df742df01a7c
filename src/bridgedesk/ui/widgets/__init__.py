"""Widgets shared by several screens; a widget used by one screen lives with that screen."""
