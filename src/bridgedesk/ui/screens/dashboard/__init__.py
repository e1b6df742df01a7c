"""The Dashboard screen: the week at a glance, the program's figures and action lists."""
