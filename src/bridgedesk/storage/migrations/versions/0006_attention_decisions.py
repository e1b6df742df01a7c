"""attention decisions

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 12:30:00.000000

The Dashboard's "Needs attention" list (issue 15): ``attention_decisions`` holds the rows a
director snoozed (until a date) or dismissed (with a reason), keyed by a stable item key.

Frozen at this revision: nothing of the program is imported here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attention_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_key", sa.String(length=200), nullable=False),
        sa.Column("mentee_id", sa.Integer(), nullable=True),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("snoozed_until", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.Column("decided_by", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["mentee_id"],
            ["mentees.id"],
            name=op.f("fk_attention_decisions_mentee_id_mentees"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attention_decisions")),
        sa.UniqueConstraint("item_key", name=op.f("uq_attention_decisions_item_key")),
    )
    with op.batch_alter_table("attention_decisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attention_decisions_mentee_id"), ["mentee_id"])


def downgrade() -> None:
    with op.batch_alter_table("attention_decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attention_decisions_mentee_id"))
    op.drop_table("attention_decisions")
