"""Domain vocabulary and pure rules (no database, no Qt)."""
