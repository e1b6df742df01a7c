"""Persistence: engine and pragmas, ORM models, migrations, backups. No Qt, no business rules."""
