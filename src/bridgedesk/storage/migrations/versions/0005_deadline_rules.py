"""deadline rules

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 09:00:00.000000

Credential deadlines computed from rules (issue 14):

- ``credentials.field_values``: a kind's own fields (a waiver's work start and obligation
  years, an H-1B's cap exemption and first start...) as JSON;
- ``credential_rule_versions``: the credential rules a program edited, one row per version;
- ``reminder_acknowledgements``: the reminders a director has dealt with;
- the DEA kind's old default offsets (90/60/45/30/7) become 180/90/60/30/7, unless the
  program had changed them.

Frozen at this revision: nothing of the program is imported here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("credentials", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("field_values", sa.Text(), nullable=False, server_default="{}")
        )
    op.create_table(
        "credential_rule_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("rules", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("saved_by", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credential_rule_versions")),
        sa.UniqueConstraint("version", name=op.f("uq_credential_rule_versions_version")),
    )
    op.create_table(
        "reminder_acknowledgements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("credential_id", sa.Integer(), nullable=False),
        sa.Column("event_key", sa.String(length=60), nullable=False),
        sa.Column("event_on", sa.Date(), nullable=False),
        sa.Column("days_before", sa.Integer(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=False),
        sa.Column("acknowledged_by", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["credential_id"],
            ["credentials.id"],
            name=op.f("fk_reminder_acknowledgements_credential_id_credentials"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_acknowledgements")),
        sa.UniqueConstraint(
            "credential_id",
            "event_key",
            "event_on",
            "days_before",
            name="uq_reminder_acknowledgements_reminder",
        ),
    )
    with op.batch_alter_table("reminder_acknowledgements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reminder_acknowledgements_credential_id"), ["credential_id"]
        )
    op.execute(
        sa.text(
            "UPDATE credential_kinds SET reminder_offsets = '180,90,60,30,7' "
            "WHERE code = 'dea' AND reminder_offsets = '90,60,45,30,7'"
        )
    )


def downgrade() -> None:
    with op.batch_alter_table("reminder_acknowledgements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reminder_acknowledgements_credential_id"))
    op.drop_table("reminder_acknowledgements")
    op.drop_table("credential_rule_versions")
    with op.batch_alter_table("credentials", schema=None) as batch_op:
        batch_op.drop_column("field_values")
