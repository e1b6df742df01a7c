"""checklist summaries

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 19:40:00.000000

A denormalised first-vs-latest summary of the cultural-fluency ratings per mentee, observer
role and current-template domain, filled here for existing programs; check-in indexes for
the metrics' due / planned queries.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checklist_summaries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mentee_id", sa.Integer(), nullable=False),
        sa.Column("observer_role", sa.String(length=32), nullable=False),
        sa.Column("domain_position", sa.Integer(), nullable=False),
        sa.Column("domain_name", sa.String(length=200), nullable=False),
        sa.Column("first_on", sa.Date(), nullable=True),
        sa.Column("first_rated", sa.Integer(), nullable=False),
        sa.Column("first_proficient", sa.Integer(), nullable=False),
        sa.Column("latest_on", sa.Date(), nullable=True),
        sa.Column("latest_rated", sa.Integer(), nullable=False),
        sa.Column("latest_proficient", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["mentee_id"],
            ["mentees.id"],
            name=op.f("fk_checklist_summaries_mentee_id_mentees"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_summaries")),
        sa.UniqueConstraint(
            "mentee_id",
            "observer_role",
            "domain_position",
            name=op.f("uq_checklist_summaries_mentee_id"),
        ),
    )
    with op.batch_alter_table("checklist_summaries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_checklist_summaries_mentee_id"), ["mentee_id"], unique=False
        )
        batch_op.create_index(
            "ix_checklist_summaries_rollup",
            [
                "observer_role",
                "domain_position",
                "domain_name",
                "mentee_id",
                "first_rated",
                "first_proficient",
                "latest_rated",
                "latest_proficient",
                "latest_on",
            ],
            unique=False,
        )

    # The summary of the ratings already stored is filled by the program when it opens the
    # upgraded file (services/checklists/summary.py, refresh_if_stale), in the same transaction
    # that clears this mark. A migration must not run the program's live code: that code
    # follows today's models, not this revision's schema.
    # Only a program with ratings needs the fill (a new or an empty copy target stays as is).
    op.execute(
        sa.text(
            "INSERT INTO settings (key, value) SELECT 'checklist_summaries_stale', '1' "
            "WHERE EXISTS (SELECT 1 FROM assessments)"
        )
    )


def downgrade() -> None:
    with op.batch_alter_table("checklist_summaries", schema=None) as batch_op:
        batch_op.drop_index("ix_checklist_summaries_rollup")
        batch_op.drop_index(batch_op.f("ix_checklist_summaries_mentee_id"))

    op.drop_table("checklist_summaries")
    op.execute(sa.text("DELETE FROM settings WHERE key = 'checklist_summaries_stale'"))
