"""mentor matching

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 13:00:00.000000

Explainable mentor matching (issue 17): a mentor's languages and country of training
(compared with the mentee's), and ``matching_weights``, the program's one row of points per
factor and must-have rules (no row: the defaults).

Frozen at this revision: nothing of the program is imported here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("mentors", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("languages", sa.String(length=300), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column(
                "country_of_training", sa.String(length=120), server_default="", nullable=False
            )
        )
    op.create_table(
        "matching_weights",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("points_specialty", sa.Integer(), nullable=False),
        sa.Column("points_language", sa.Integer(), nullable=False),
        sa.Column("points_training", sa.Integer(), nullable=False),
        sa.Column("points_former_img", sa.Integer(), nullable=False),
        sa.Column("points_site", sa.Integer(), nullable=False),
        sa.Column("points_capacity", sa.Integer(), nullable=False),
        sa.Column("must_same_site", sa.Boolean(), nullable=False),
        sa.Column("must_first_language", sa.Boolean(), nullable=False),
        sa.Column("must_same_specialty", sa.Boolean(), nullable=False),
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
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_matching_weights")),
    )


def downgrade() -> None:
    op.drop_table("matching_weights")
    with op.batch_alter_table("mentors", schema=None) as batch_op:
        batch_op.drop_column("country_of_training")
        batch_op.drop_column("languages")
