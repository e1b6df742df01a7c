"""Errors the user can act on. Their message is one plain sentence, shown as is."""


class UserError(Exception):
    """A problem caused by input or environment, explained in plain words."""


class NotFoundError(UserError):
    """A record asked for by id or name does not exist."""


class ValidationError(UserError):
    """Input that breaks a rule; ``problems`` maps a field name to a message."""

    def __init__(self, problems: dict[str, str]):
        self.problems = dict(problems)
        super().__init__("; ".join(f"{field}: {msg}" for field, msg in self.problems.items()))


class ConflictError(UserError):
    """Somebody else saved the same record since it was read (optimistic concurrency)."""

    def __init__(
        self, message: str, changed_fields: dict[str, tuple[object, object]] | None = None
    ):
        self.changed_fields = dict(changed_fields or {})
        super().__init__(message)


class DatabaseError(UserError):
    """The database file is damaged, foreign, from a newer version, or cannot be written."""
