"""The Deadlines screen: credentials by how soon they fall due; the credential form."""
