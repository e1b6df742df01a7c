"""credential event dates, check-in period index

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 15:30:00.000000

``credential_event_dates``: every credential's dated events as the deadline engine derives
them (expiry, work-start deadline, six-year limit, obligation end...), so a window of days is
one indexed query at 10,000 mentees. The table is created empty: the program fills it when it
opens the upgraded file (services/credentials/event_dates.py, ``refresh_if_stale``, which
finds no engine stamp in ``settings``). A migration must not run the program's live code.

``ix_checkins_period`` covers a period's check-in figures (planned date, mentee, status, held
date): the dashboard's on-time tile reads the index instead of every check-in row.

Frozen at this revision: nothing of the program is imported here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "credential_event_dates",
        sa.Column("credential_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("event", sa.String(length=20), nullable=False),
        sa.Column("event_on", sa.Date(), nullable=False),
        sa.Column("satisfied", sa.Boolean(), nullable=False),
        sa.Column("no_work", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["credential_id"],
            ["credentials.id"],
            name=op.f("fk_credential_event_dates_credential_id_credentials"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("credential_id", "key", name=op.f("pk_credential_event_dates")),
    )
    with op.batch_alter_table("credential_event_dates", schema=None) as batch_op:
        batch_op.create_index(
            "ix_credential_event_dates_on", ["event_on", "event", "credential_id"], unique=False
        )
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.create_index(
            "ix_checkins_period", ["planned_date", "mentee_id", "status", "held_date"], unique=False
        )
    # Any stamp of an earlier fill is void: the table is new.
    op.execute(sa.text("DELETE FROM settings WHERE key = 'credential_event_dates_stamp'"))


def downgrade() -> None:
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.drop_index("ix_checkins_period")
    with op.batch_alter_table("credential_event_dates", schema=None) as batch_op:
        batch_op.drop_index("ix_credential_event_dates_on")
    op.drop_table("credential_event_dates")
