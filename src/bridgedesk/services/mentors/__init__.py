"""Mentors and their assignments to mentees."""
