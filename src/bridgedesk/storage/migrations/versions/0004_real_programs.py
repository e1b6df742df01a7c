"""real programs

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 10:00:00.000000

The structured program for the mentees a director enters (issue 13):

- schedule versions: ``schedule_templates``; every schedule item belongs to one. An existing
  program's items become version 1. A mentee remembers the version it was planned from
  (left empty for mentees added before versions were kept).
- the phase is derived from the start date: ``mentees.phase_id`` held a phase worked out
  once, at save time, and never advanced (and the form wrote it back unchanged, so a value
  chosen by hand cannot be told from a stale one). It is dropped; ``phase_override_id`` holds
  a phase set by hand from now on.
- leaving the program: a list of exit reasons (``exit_reasons``, filled with the defaults at
  the next start), ``mentees.exit_reason_id`` beside the free-text ``exit_reason``, and
  ``cancelled_on`` on check-ins and milestones planned after the exit.
- mentors: a phone number and the day a mentor retired.

Frozen at this revision: nothing of the program is imported here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "schedule_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schedule_templates")),
        sa.UniqueConstraint("version", name=op.f("uq_schedule_templates_version")),
    )
    op.create_table(
        "exit_reasons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exit_reasons")),
        sa.UniqueConstraint("label", name=op.f("uq_exit_reasons_label")),
    )
    _version_existing_schedule()

    with op.batch_alter_table("mentees", schema=None) as batch_op:
        batch_op.add_column(sa.Column("phase_override_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("exit_reason_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("schedule_template_id", sa.Integer(), nullable=True))
        batch_op.drop_constraint("fk_mentees_phase_id_phases", type_="foreignkey")
        batch_op.drop_column("phase_id")
        batch_op.create_foreign_key(
            batch_op.f("fk_mentees_phase_override_id_phases"),
            "phases",
            ["phase_override_id"],
            ["id"],
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_mentees_exit_reason_id_exit_reasons"),
            "exit_reasons",
            ["exit_reason_id"],
            ["id"],
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_mentees_schedule_template_id_schedule_templates"),
            "schedule_templates",
            ["schedule_template_id"],
            ["id"],
        )
        batch_op.create_index(
            batch_op.f("ix_mentees_exit_reason_id"), ["exit_reason_id"], unique=False
        )

    with op.batch_alter_table("mentors", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("phone", sa.String(length=60), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("retired_on", sa.Date(), nullable=True))

    for table in ("checkins", "milestones"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("cancelled_on", sa.Date(), nullable=True))


def _version_existing_schedule() -> None:
    """schedule_items.template_id, NOT NULL: an existing schedule becomes version 1."""
    with op.batch_alter_table("schedule_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("template_id", sa.Integer(), nullable=True))
    conn = op.get_bind()
    if conn.execute(sa.text("SELECT count(*) FROM schedule_items")).scalar():
        conn.execute(
            sa.text(
                "INSERT INTO schedule_templates (version, is_current, note) "
                "VALUES (1, :current, 'The schedule in use before versions were kept.')"
            ),
            {"current": True},
        )
        first = conn.execute(
            sa.text("SELECT id FROM schedule_templates WHERE version = 1")
        ).scalar()
        conn.execute(sa.text("UPDATE schedule_items SET template_id = :id"), {"id": first})
    with op.batch_alter_table("schedule_items", schema=None) as batch_op:
        batch_op.alter_column("template_id", existing_type=sa.Integer(), nullable=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_schedule_items_template_id_schedule_templates"),
            "schedule_templates",
            ["template_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_index(
            batch_op.f("ix_schedule_items_template_id"), ["template_id"], unique=False
        )


def downgrade() -> None:
    """Back to 0003: a phase set by hand becomes the stored phase; only the current schedule
    version's items are kept (0003 knew one schedule)."""
    for table in ("milestones", "checkins"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("cancelled_on")
    with op.batch_alter_table("mentors", schema=None) as batch_op:
        batch_op.drop_column("retired_on")
        batch_op.drop_column("phone")
    with op.batch_alter_table("mentees", schema=None) as batch_op:
        batch_op.add_column(sa.Column("phase_id", sa.Integer(), nullable=True))
    op.execute("UPDATE mentees SET phase_id = phase_override_id")
    with op.batch_alter_table("mentees", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mentees_exit_reason_id"))
        for name in (
            "fk_mentees_schedule_template_id_schedule_templates",
            "fk_mentees_exit_reason_id_exit_reasons",
            "fk_mentees_phase_override_id_phases",
        ):
            batch_op.drop_constraint(batch_op.f(name), type_="foreignkey")
        batch_op.drop_column("schedule_template_id")
        batch_op.drop_column("exit_reason_id")
        batch_op.drop_column("phase_override_id")
        batch_op.create_foreign_key(
            batch_op.f("fk_mentees_phase_id_phases"), "phases", ["phase_id"], ["id"]
        )
    op.execute(
        "DELETE FROM schedule_items WHERE template_id NOT IN "
        "(SELECT id FROM schedule_templates WHERE is_current)"
    )
    with op.batch_alter_table("schedule_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_schedule_items_template_id"))
        batch_op.drop_constraint(
            batch_op.f("fk_schedule_items_template_id_schedule_templates"), type_="foreignkey"
        )
        batch_op.drop_column("template_id")
    op.drop_table("exit_reasons")
    op.drop_table("schedule_templates")
