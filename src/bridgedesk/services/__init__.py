"""The rules of the program, as plain Python over the storage layer. No Qt here."""
