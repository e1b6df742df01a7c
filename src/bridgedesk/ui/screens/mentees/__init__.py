"""The Mentees screen: the roster, the mentee form and the mentee record's sections."""
