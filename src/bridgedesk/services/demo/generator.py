"""Generate a realistic demo program: mentees from many countries with years of history.

The same seed and reference day give identical data (one ``random.Random``; no clock inside).
Rows are built as dicts with ids assigned here and written by Core bulk inserts in one
transaction, so 10,000 mentees take seconds, not minutes.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from bridgedesk.errors import ConflictError, ValidationError
from bridgedesk.services.checklists.summary import refresh as refresh_checklist_summary
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.credentials import event_dates
from bridgedesk.services.demo import history, texts
from bridgedesk.services.demo.history import DAY, MenteePlan, Rows
from bridgedesk.services.demo.names import (
    COUNTRIES,
    MENTOR_NAMES,
    mentor_background,
    native_full_name,
)
from bridgedesk.services.demo.pair_health import add_pair_health
from bridgedesk.services.demo.reference import Reference, load_reference
from bridgedesk.services.history.audit import record_bulk
from bridgedesk.services.pair_health.surveys import ensure_saved_template
from bridgedesk.storage.models import (
    Action,
    Assessment,
    Checkin,
    CheckinPulse,
    ComparisonPhysician,
    Credential,
    FitCheck,
    Goal,
    GoalTask,
    Insight,
    Mentee,
    Mentor,
    MentorAssignment,
    Milestone,
    Setting,
    Site,
    SurveyResponse,
)
from bridgedesk.storage.models.base import utcnow
from bridgedesk.storage.sequences import catch_up

MAX_MENTEES = 100_000
# Parents before children, so foreign keys hold while inserting; reversed for wiping.
TABLE_ORDER = (
    Site, Mentor, Mentee, MentorAssignment, Checkin, Action, Milestone, Goal, GoalTask,
    Assessment, Credential, Insight, ComparisonPhysician, CheckinPulse, FitCheck, SurveyResponse,
)  # fmt: skip


@dataclass(frozen=True)
class DemoSummary:
    mentees: int
    mentors: int
    checkins: int
    milestones: int
    assessments: int
    credentials: int
    insights: int
    seconds: float

    def line(self) -> str:
        return (
            f"Demo program written: {self.mentees} mentees, {self.mentors} mentors, "
            f"{self.checkins} check-ins, {self.milestones} milestones, {self.assessments} ratings, "
            f"{self.credentials} credentials, {self.insights} insights in {self.seconds:.1f} s."
        )


def count_mentees(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Mentee)) or 0)


def wipe_program_data(session: Session) -> None:
    """Delete mentees, mentors and everything hanging off them; settings and templates stay."""
    session.execute(Checkin.__table__.update().values(rescheduled_to_id=None))
    for model in reversed(TABLE_ORDER):
        session.execute(delete(model.__table__))


def _audit_replaced(session: Session, actor: str) -> None:
    """One audit row per mentee and mentor that ``--force`` replaces with demo data."""
    for entity, table, columns in (
        ("mentee", Mentee.__table__, ("id", "given_names", "family_name")),
        ("mentor", Mentor.__table__, ("id", "name")),
    ):
        entries = [
            {**dict(zip(columns, row, strict=True)), "replaced_by": "demo data"}
            for row in session.execute(select(*(table.c[name] for name in columns)))
        ]
        record_bulk(session, actor, "delete", entity, entries)


def generate_demo(
    ctx: ServiceContext, today: dt.date, mentees: int = 24, seed: int = 1, force: bool = False
) -> DemoSummary:
    """Write a demo program of ``mentees`` mentees as it would look on ``today``."""
    if not 1 <= mentees <= MAX_MENTEES:
        raise ValidationError({"mentees": f"must be between 1 and {MAX_MENTEES}"})
    began = time.perf_counter()
    with ctx.unit_of_work() as session:
        existing = count_mentees(session)
        if existing and not force:
            raise ConflictError(
                f"This program already holds {existing} mentees; "
                "use --force to replace them with demo data."
            )
        if existing or force:
            _audit_replaced(session, ctx.actor)
            wipe_program_data(session)
        ref = load_reference(session)
        rows = _build(ref, random.Random(seed), today, mentees, _next_ids(session))
        survey = ensure_saved_template(session, ctx.actor)
        add_pair_health(rows, today, survey.id, [i["key"] for i in json.loads(survey.items)])
        _write(session, rows)
        if session.connection().dialect.name == "postgresql":  # rows came with their own ids
            catch_up(session.connection())
        record_bulk(
            session,
            ctx.actor,
            "create",
            "mentee",
            [
                {
                    "id": r["id"],
                    "given_names": r["given_names"],
                    "family_name": r["family_name"],
                    "source": "demo",
                }
                for r in rows.tables["mentees"]
            ],
        )
        _ensure_settings(session)
        refresh_checklist_summary(session)  # derived from the ratings just written
        event_dates.refresh(session)  # and the credentials' dated events
    t = rows.tables
    return DemoSummary(
        mentees=len(t["mentees"]),
        mentors=len(t["mentors"]),
        checkins=len(t.get("checkins", [])),
        milestones=len(t.get("milestones", [])),
        assessments=len(t.get("assessments", [])),
        credentials=len(t.get("credentials", [])),
        insights=len(t.get("insights", [])),
        seconds=time.perf_counter() - began,
    )


def _next_ids(session: Session) -> dict[str, int]:
    return {
        m.__tablename__: int(session.scalar(select(func.max(m.__table__.c.id))) or 0) + 1
        for m in TABLE_ORDER
    }


def _write(session: Session, rows: Rows) -> None:
    for model in TABLE_ORDER:
        table_rows = rows.tables.get(model.__tablename__)
        if not table_rows:
            continue
        if model is Checkin:  # a rescheduled check-in points at a later row: insert targets first
            table_rows = sorted(table_rows, key=lambda r: r["rescheduled_to_id"] is not None)
        session.execute(insert(model.__table__), table_rows)


def _ensure_settings(session: Session) -> None:
    have = set(session.scalars(select(Setting.key)))
    missing = [{"key": k, "value": v} for k, v in texts.SETTINGS.items() if k not in have]
    if missing:
        session.execute(insert(Setting.__table__), missing)


def _build(
    ref: Reference, rng: random.Random, today: dt.date, n: int, next_id: dict[str, int]
) -> Rows:
    rows = Rows(now=utcnow(), next_id=next_id)
    site_ids = [
        rows.add("sites", {"name": name, "state": state}, stamped=False)
        for name, state in texts.SITES
    ]
    mentors = _mentors(rows, rng, site_ids, max(4, n // 3))
    for _ in range(n):
        _mentee(rows, rng, ref, today, site_ids, mentors)
    _comparisons(rows, rng, today, max(8, n // 2))
    return rows


def _mentors(
    rows: Rows, rng: random.Random, site_ids: list[int], count: int
) -> list[tuple[int, str, bool]]:
    made = []
    for i in range(count):
        if i < len(MENTOR_NAMES):
            name, native, former = MENTOR_NAMES[i]
        else:
            name = f"Dr. {rng.choice(texts.MENTOR_GIVEN)} {rng.choice(texts.MENTOR_FAMILY)}"
            native, former = "", rng.random() < 0.3
        languages, trained_in = mentor_background(i, name, former)
        mentor_id = rows.add(
            "mentors",
            {
                "name": name,
                "native_name": native,
                "email": "",
                "specialty": rng.choice(texts.SPECIALTIES),
                "former_img": former,
                "languages": languages,
                "country_of_training": trained_in,
                "capacity": rng.choice((2, 3, 3, 4)),
                "site_id": rng.choice(site_ids),
                "active": True,
                "notes": "",
            },
            versioned=True,
        )
        made.append((mentor_id, name, former))
    return made


def _mentee(
    rows: Rows,
    rng: random.Random,
    ref: Reference,
    today: dt.date,
    site_ids: list[int],
    mentors: list[tuple[int, str, bool]],
) -> None:
    country = rng.choice(COUNTRIES)
    given, family = rng.choice(country.given), rng.choice(country.family)
    start = today - rng.randint(-40, 3 * 365 + 90) * DAY
    while (given[1].casefold(), family[1].casefold(), start) in rows.mentee_keys:
        start -= DAY  # the same name starting the same day would be one person to an import
    rows.mentee_keys.add((given[1].casefold(), family[1].casefold(), start))
    days_in = (today - start).days
    status, exit_date, exit_reason, reason_label = "active", None, "", ""
    if days_in > 1095 and rng.random() < 0.6:
        status, exit_date = "completed", start + (1095 + rng.randint(0, 20)) * DAY
        reason_label = texts.COMPLETED_REASON
    elif days_in > 120 and rng.random() < 0.12:
        status, exit_date = "left", start + rng.randint(100, days_in - 1) * DAY
        reason_label, exit_reason = rng.choice(texts.EXIT_REASONS)
    if exit_date is not None:
        exit_date = min(exit_date, today)
    end = exit_date or today
    visa = rng.choice(texts.VISA_KINDS)
    mentee_id = rows.next_id.get("mentees", 1)
    primary = _assignments(rows, rng, mentors, mentee_id, start, end, days_in)
    rows.add(
        "mentees",
        {
            "given_names": given[1],
            "family_name": family[1],
            "native_name": native_full_name(country, given, family),
            "preferred_name": "",
            "pronouns": rng.choice(("she/her", "he/him", "")),
            "country_of_training": country.country,
            "medical_school": country.school,
            "graduation_year": start.year - rng.randint(3, 12),
            "specialty": rng.choice(texts.SPECIALTIES),
            "role": rng.choice(("resident", "attending", "attending")),
            "site_id": rng.choice(site_ids),
            "start_date": start,
            "phase_override_id": None,  # the phase follows from the start date
            "status": status,
            "exit_date": exit_date,
            "exit_reason_id": ref.exit_reasons.get(reason_label.casefold()),
            "exit_reason": exit_reason,
            "schedule_template_id": ref.schedule_template_id,
            "email": f"{given[1].split()[0].lower()}.{family[1].split()[0].lower()}{mentee_id}@example.org",
            "phone": "",
            "languages": country.languages,
            "visa_kind": visa,
            "notes": "",
        },
        versioned=True,
    )
    plan = MenteePlan(mentee_id, start, end, status == "active", primary)
    history.add_checkins(rows, rng, ref, plan, today)
    history.add_milestones(rows, rng, ref, plan, today)
    history.add_assessments(rows, rng, ref, plan)
    history.add_credentials(rows, rng, ref, plan, visa, today)
    history.add_goals(rows, rng, plan, today)
    if rng.random() < 0.35:
        _insight(rows, rng, plan, f"{given[1]} {family[1]}", today)


def _assignments(
    rows: Rows,
    rng: random.Random,
    mentors: list[tuple[int, str, bool]],
    mentee_id: int,
    start: dt.date,
    end: dt.date,
    days_in: int,
) -> tuple[tuple[int, str, dt.date, dt.date | None], ...]:
    first = rng.choice(mentors)
    primary: list[tuple[int, str, dt.date, dt.date | None]] = []
    if days_in > 120 and rng.random() < 0.12:
        changed = start + rng.randint(60, days_in - 30) * DAY
        second = rng.choice([m for m in mentors if m[0] != first[0]])
        _assign(
            rows,
            mentee_id,
            first[0],
            "primary",
            start,
            changed,
            rng.choice(texts.ASSIGNMENT_END_REASONS),
        )
        _assign(rows, mentee_id, second[0], "primary", changed, None, "")
        primary += [(first[0], first[1], start, changed), (second[0], second[1], changed, None)]
    else:
        _assign(rows, mentee_id, first[0], "primary", start, None, "")
        primary.append((first[0], first[1], start, None))
    former = [m for m in mentors if m[2]] or mentors
    if rng.random() < 0.7:
        _assign(rows, mentee_id, rng.choice(former)[0], "peer", start + 14 * DAY, None, "")
    if rng.random() < 0.5:
        _assign(rows, mentee_id, rng.choice(mentors)[0], "cultural", start, None, "")
    return tuple(primary)


def _assign(
    rows: Rows,
    mentee_id: int,
    mentor_id: int,
    kind: str,
    start: dt.date,
    end: dt.date | None,
    reason: str,
) -> None:
    rows.add(
        "mentor_assignments",
        {
            "mentee_id": mentee_id,
            "mentor_id": mentor_id,
            "kind": kind,
            "start_date": start,
            "end_date": end,
            "end_reason": reason,
        },
    )


def _insight(
    rows: Rows, rng: random.Random, plan: MenteePlan, raised_by: str, today: dt.date
) -> None:
    category, description, change = rng.choice(texts.INSIGHTS)
    status = rng.choice(("raised", "discussed", "acted_on", "closed"))
    span = max(1, (plan.end - plan.start).days)
    raised = min(today, plan.start + rng.randint(30, max(31, span)) * DAY)
    rows.add(
        "insights",
        {
            "mentee_id": plan.id,
            "raised_by": raised_by,
            "raised_on": raised,
            "category": category,
            "description": description,
            "action": "Discussed at the medical staff meeting." if status != "raised" else "",
            "outcome": change if status in ("acted_on", "closed") else "",
            "status": status,
            "changed_practice": change if status in ("acted_on", "closed") else "",
        },
        versioned=True,
    )


def _comparisons(rows: Rows, rng: random.Random, today: dt.date, count: int) -> None:
    for i in range(count):
        start = today - rng.randint(30, 3 * 365 + 90) * DAY
        days_in = (today - start).days
        exit_date = None
        if days_in > 60 and rng.random() < 0.35:
            exit_date = start + rng.randint(45, days_in) * DAY
        rows.add(
            "comparison_physicians",
            {
                "label": f"Non-program physician {i + 1}",
                "start_date": start,
                "exit_date": exit_date,
                "exit_reason": rng.choice(texts.COMPARISON_EXIT_REASONS) if exit_date else "",
            },
            stamped=False,
        )
