"""Migration 0004 on a program full of history: nothing a mentee holds is lost.

0004 rebuilds the mentees table on SQLite (a column with a foreign key goes). With foreign
keys on, dropping the old table would have deleted every check-in, rating and credential
through ON DELETE CASCADE; migrations run with them off and check them before committing.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import create_engine, func, select, text

from bridgedesk.bootstrap import open_program
from bridgedesk.domain.enums import AssessmentMethod, AssignmentKind, ObserverRole
from bridgedesk.errors import DatabaseError
from bridgedesk.services.checklists.ratings import ChecklistService, Rating
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.storage import migrate
from bridgedesk.storage.models import (
    Assessment,
    Checkin,
    ChecklistSummary,
    Mentee,
    MentorAssignment,
    Milestone,
    ScheduleItem,
    ScheduleTemplate,
)

TODAY = dt.date(2025, 6, 1)
CHILDREN = (Checkin, Milestone, Assessment, MentorAssignment, ChecklistSummary)


def counts(ctx) -> dict[str, int]:
    with ctx.read() as s:
        return {
            m.__tablename__: int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (Mentee, *CHILDREN)
        }


def a_program_with_history(ctx) -> int:
    roster = RosterService(ctx, clock=lambda: TODAY)
    mid = roster.create(
        MenteeFields(given_names="Selam", family_name="Tesfaye", start_date=dt.date(2025, 1, 6))
    )
    mentors = MentorService(ctx)
    mentors.assign(mid, mentors.create(MentorFields(name="Dr Adams")), AssignmentKind.PRIMARY,
                   dt.date(2025, 1, 6))  # fmt: skip
    checklist = ChecklistService(ctx)
    item = checklist.current_template().domains[0][1][0][0]
    rating = Rating(item, 3, dt.date(2025, 2, 1), "Dr Adams", ObserverRole.MENTOR,
                    AssessmentMethod.DIRECT_OBSERVATION)  # fmt: skip
    checklist.rate(mid, rating, today=TODAY)
    return mid


def test_upgrade_to_0004_keeps_every_child_row_and_versions_the_schedule(data_paths):
    ctx = open_program(data_paths, actor="tester")
    a_program_with_history(ctx)
    before = counts(ctx)
    assert before["checkins"] > 10 and before["assessments"] == 1
    migrate.downgrade(ctx.db.engine, "0003")
    with ctx.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM checkins")).scalar() == before["checkins"]
        conn.execute(text("UPDATE mentees SET phase_id = (SELECT min(id) FROM phases)"))
        conn.commit()
    ctx.db.dispose()

    upgraded = open_program(data_paths, actor="tester")  # backs up, then 0004 (and later)
    try:
        assert migrate.current_revision(upgraded.db.engine) == migrate.head_revision()
        assert counts(upgraded) == before
        with upgraded.read() as s:
            assert s.scalars(select(Mentee.phase_override_id)).all() == [None]  # follows the date
            versions = s.execute(select(ScheduleTemplate.version, ScheduleTemplate.is_current))
            assert versions.all() == [(1, True)]
            assert s.scalar(select(func.count()).where(ScheduleItem.template_id.is_(None))) == 0
    finally:
        upgraded.db.dispose()


def test_an_upgrade_that_would_leave_a_broken_reference_is_refused_and_changes_nothing(
    data_paths,
):
    ctx = open_program(data_paths, actor="tester")
    a_program_with_history(ctx)
    migrate.downgrade(ctx.db.engine, "0003")
    ctx.db.dispose()
    raw = sqlite3.connect(data_paths.database)  # foreign keys off: a row pointing at nobody
    raw.execute(
        "INSERT INTO checkins (mentee_id, title, planned_date, status, attendees, topics, "
        "summary, private_note, version) VALUES (999, 'Lost', '2025-01-01', 'planned', '', '', "
        "'', '', 1)"
    )
    raw.commit()
    raw.close()
    engine = create_engine(f"sqlite:///{data_paths.database}")  # no backup step: the check itself
    try:
        with pytest.raises(DatabaseError, match="pointing at records that do not exist"):
            migrate.upgrade(engine)
    finally:
        engine.dispose()
    probe = sqlite3.connect(data_paths.database)
    try:
        assert probe.execute("SELECT version_num FROM alembic_version").fetchone() == ("0003",)
    finally:
        probe.close()


def test_down_to_0003_and_up_again_keeps_every_row_on_both_databases(ctx):
    a_program_with_history(ctx)
    before = counts(ctx)
    migrate.downgrade(ctx.db.engine, "0003")
    assert migrate.current_revision(ctx.db.engine) == "0003"
    assert migrate.upgrade(ctx.db.engine)  # no backup step here: the migration itself
    assert migrate.current_revision(ctx.db.engine) == migrate.head_revision()
    assert counts(ctx) == before
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(ScheduleTemplate)) == 1
