"""The demo program: deterministic, the asked size, many scripts, and careful with real data."""

import datetime as dt
import unicodedata

import pytest
from sqlalchemy import func, select

from bridgedesk.bootstrap import open_program
from bridgedesk.cli.main import main
from bridgedesk.errors import ConflictError
from bridgedesk.paths import DataPaths
from bridgedesk.services.demo import generate_demo
from bridgedesk.storage.models import (
    Assessment,
    Checkin,
    Credential,
    Insight,
    Mentee,
    MentorAssignment,
    Milestone,
    Setting,
)  # fmt: skip

TODAY = dt.date(2025, 6, 1)


def snapshot(ctx):
    with ctx.read() as s:
        mentees = s.execute(
            select(
                Mentee.given_names, Mentee.family_name, Mentee.native_name, Mentee.start_date
            ).order_by(Mentee.id)
        ).all()
        checkins = s.execute(
            select(Checkin.planned_date, Checkin.held_date, Checkin.status).order_by(Checkin.id)
        ).all()
    return mentees, checkins


def scripts(names):
    found = set()
    for name in names:
        for ch in name:
            if ch.isalpha():
                found.add(unicodedata.name(ch).split()[0])
    return found


def test_same_seed_same_data_different_seed_differs(tmp_path):
    ctxs = [open_program(DataPaths(tmp_path / f"d{i}").ensure(), actor="t") for i in range(3)]
    generate_demo(ctxs[0], TODAY, mentees=40, seed=7)
    generate_demo(ctxs[1], TODAY, mentees=40, seed=7)
    generate_demo(ctxs[2], TODAY, mentees=40, seed=8)
    a, b, c = (snapshot(x) for x in ctxs)
    assert a == b
    assert a[0] != c[0]
    for x in ctxs:
        x.db.dispose()


def test_counts_scripts_and_history(ctx):
    summary = generate_demo(ctx, TODAY, mentees=120, seed=3)
    assert summary.mentees == 120
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Mentee)) == 120
        natives = list(s.scalars(select(Mentee.native_name)))
        statuses = set(s.scalars(select(Checkin.status)))
        mentee_statuses = set(s.scalars(select(Mentee.status)))
        insight_statuses = set(s.scalars(select(Insight.status)))
        roles = set(s.scalars(select(Assessment.observer_role)))
        lapsed = s.scalar(
            select(func.count()).select_from(Credential).where(Credential.expires_on < TODAY)
        )
        changed = s.scalar(
            select(func.count())
            .select_from(MentorAssignment)
            .where(MentorAssignment.end_date.is_not(None))
        )
        late = s.scalar(
            select(func.count())
            .select_from(Milestone)
            .where(Milestone.completed_date > Milestone.due_date)
        )
        hospital = s.scalar(select(Setting.value).where(Setting.key == "hospital_name"))
    found = scripts(natives)
    assert len(found & {"ETHIOPIC", "ARABIC", "DEVANAGARI", "BENGALI", "TAMIL", "SINHALA", "CJK",
                        "HIRAGANA", "HANGUL", "THAI", "CYRILLIC", "HEBREW", "GREEK"}) >= 6  # fmt: skip
    assert {"held", "missed", "rescheduled", "planned"} <= {str(x) for x in statuses}
    assert {"active", "left", "completed"} <= {str(x) for x in mentee_statuses}
    assert {"raised", "discussed", "acted_on", "closed"} <= {str(x) for x in insight_statuses}
    assert {"self", "mentor"} <= {str(x) for x in roles}
    assert lapsed > 0 and changed > 0 and late > 0
    assert hospital == "Cedar Valley Regional Hospital"


def test_refuses_program_with_mentees_unless_forced(ctx):
    generate_demo(ctx, TODAY, mentees=10, seed=1)
    with pytest.raises(ConflictError, match="--force"):
        generate_demo(ctx, TODAY, mentees=10, seed=2)
    summary = generate_demo(ctx, TODAY, mentees=15, seed=2, force=True)
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Mentee)) == summary.mentees == 15


def test_cli_demo_writes_data_and_refuses_twice(tmp_path, capsys):
    data = tmp_path / "cli"
    assert main(["--data-dir", str(data), "demo", "--mentees", "30", "--seed", "7"]) == 0
    assert "30 mentees" in capsys.readouterr().out
    assert main(["--data-dir", str(data), "demo", "--mentees", "30"]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "demo", "--mentees", "12", "--force"]) == 0
    ctx = open_program(DataPaths(data).ensure(), actor="t")
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Mentee)) == 12
    ctx.db.dispose()
