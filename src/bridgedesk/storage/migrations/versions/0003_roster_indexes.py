"""roster indexes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 22:10:00.000000

Covering indexes for the roster's grouped passes over check-ins, milestones, credentials
and checklist summaries: with 10,000 mentees they answer from the index in mentee order.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

INDEXES = (
    ("checkins", "ix_checkins_status_mentee", ["status", "mentee_id", "planned_date"]),
    (
        "milestones",
        "ix_milestones_mentee_open",
        ["mentee_id", "completed_date", "due_date", "name"],
    ),
    ("credentials", "ix_credentials_mentee_live", ["mentee_id", "status", "expires_on", "kind_id"]),
    (
        "checklist_summaries",
        "ix_checklist_summaries_role_mentee",
        ["observer_role", "mentee_id", "latest_proficient"],
    ),
)


def upgrade() -> None:
    for table, name, columns in INDEXES:  # plain CREATE INDEX: no table is rebuilt
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for table, name, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
