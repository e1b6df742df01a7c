"""File > Program settings: the program's details, schedule, sites and exit reasons."""
