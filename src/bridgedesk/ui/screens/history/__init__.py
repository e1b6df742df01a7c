"""The History dialog: the audit trail of one record."""
