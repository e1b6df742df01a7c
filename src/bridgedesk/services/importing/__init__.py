"""Reading a roster file (CSV or XLSX) and writing it all-or-nothing as new mentees."""
