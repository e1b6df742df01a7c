"""Mentees."""
