"""The Mentors screen: mentors, their load against capacity, assignments."""
