"""pair health

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 13:00:00.000000

Pair health (issue 17, part 2):

- ``checkin_pulses``: the 1-10 pulses of the mentee and the mentor at a held check-in;
- ``fit_checks``: both sides' answer to "is this a good fit?" for a mentor-mentee pair;
- ``survey_templates``: the adjustment survey's questions, one row per edited version;
- ``survey_responses``: a mentee's answers to the survey at 0, 6 or 12 months.

Frozen at this revision: nothing of the program is imported here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _version() -> sa.Column[int]:
    return sa.Column("version", sa.Integer(), server_default="1", nullable=False)


def upgrade() -> None:
    op.create_table(
        "checkin_pulses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("checkin_id", sa.Integer(), nullable=False),
        sa.Column("mentee_id", sa.Integer(), nullable=False),
        sa.Column("mentee_score", sa.Integer(), nullable=True),
        sa.Column("mentor_score", sa.Integer(), nullable=True),
        _version(),
        sa.ForeignKeyConstraint(
            ["checkin_id"],
            ["checkins.id"],
            name=op.f("fk_checkin_pulses_checkin_id_checkins"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["mentee_id"],
            ["mentees.id"],
            name=op.f("fk_checkin_pulses_mentee_id_mentees"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkin_pulses")),
        sa.UniqueConstraint("checkin_id", name=op.f("uq_checkin_pulses_checkin_id")),
    )
    with op.batch_alter_table("checkin_pulses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checkin_pulses_mentee_id"), ["mentee_id"])

    op.create_table(
        "fit_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mentee_id", sa.Integer(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.Column("checkin_id", sa.Integer(), nullable=True),
        sa.Column("answered_on", sa.Date(), nullable=False),
        sa.Column("mentee_answer", sa.String(length=16), nullable=False),
        sa.Column("mentee_comment", sa.Text(), nullable=False),
        sa.Column("mentor_answer", sa.String(length=16), nullable=False),
        sa.Column("mentor_comment", sa.Text(), nullable=False),
        _version(),
        sa.ForeignKeyConstraint(
            ["checkin_id"],
            ["checkins.id"],
            name=op.f("fk_fit_checks_checkin_id_checkins"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["mentee_id"],
            ["mentees.id"],
            name=op.f("fk_fit_checks_mentee_id_mentees"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["mentor_id"],
            ["mentors.id"],
            name=op.f("fk_fit_checks_mentor_id_mentors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fit_checks")),
        sa.UniqueConstraint("mentee_id", "mentor_id", name="uq_fit_checks_pair"),
    )
    with op.batch_alter_table("fit_checks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fit_checks_mentee_id"), ["mentee_id"])

    op.create_table(
        "survey_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("items", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("saved_by", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_templates")),
        sa.UniqueConstraint("version", name=op.f("uq_survey_templates_version")),
    )

    op.create_table(
        "survey_responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mentee_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        _version(),
        sa.ForeignKeyConstraint(
            ["mentee_id"],
            ["mentees.id"],
            name=op.f("fk_survey_responses_mentee_id_mentees"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["survey_templates.id"],
            name=op.f("fk_survey_responses_template_id_survey_templates"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_responses")),
        sa.UniqueConstraint("mentee_id", "month", name="uq_survey_responses_due"),
    )
    with op.batch_alter_table("survey_responses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_survey_responses_mentee_id"), ["mentee_id"])


def downgrade() -> None:
    with op.batch_alter_table("survey_responses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_responses_mentee_id"))
    op.drop_table("survey_responses")
    op.drop_table("survey_templates")
    with op.batch_alter_table("fit_checks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fit_checks_mentee_id"))
    op.drop_table("fit_checks")
    with op.batch_alter_table("checkin_pulses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checkin_pulses_mentee_id"))
    op.drop_table("checkin_pulses")
