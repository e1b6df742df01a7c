"""One demo mentee's recorded history: assignments, check-ins, milestones, ratings, credentials.

Rows are plain dicts with ids assigned here, so thousands of mentees can be written with a few
Core bulk inserts. Every dict of one table has the same keys (executemany needs that).
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass, field
from typing import Any

from bridgedesk.domain.enums import CheckinTopic, ScheduleItemKind
from bridgedesk.services.demo import texts
from bridgedesk.services.demo.reference import Reference
from bridgedesk.services.timeline.schedule import PlanFrom, PlannedItem, planned_items

Row = dict[str, Any]
ASSESSMENT_DAYS = (30, 90, 180, 270, 365, 730, 1095)  # mentor: ~30 days, then quarterly/yearly
SELF_ASSESSMENT_DAYS = frozenset({30, 365, 730, 1095})  # self: first, then at yearly reviews
TOPICS = tuple(t.value for t in CheckinTopic)
FORMATS = ("in_person", "in_person", "video", "phone")
DAY = dt.timedelta(days=1)


@dataclass
class Rows:
    """Rows per table name, and the next id per table."""

    now: dt.datetime
    next_id: dict[str, int]
    tables: dict[str, list[Row]] = field(default_factory=dict)
    mentee_keys: set[tuple[str, str, dt.date]] = field(default_factory=set)  # name and start

    def add(self, table: str, row: Row, stamped: bool = True, versioned: bool = False) -> int:
        new_id = self.next_id.get(table, 1)
        self.next_id[table] = new_id + 1
        row["id"] = new_id
        if stamped:
            row["created_at"] = self.now
            row["updated_at"] = self.now
        if versioned:
            row["version"] = 1
        self.tables.setdefault(table, []).append(row)
        return new_id


@dataclass(frozen=True)
class MenteePlan:
    id: int
    start: dt.date
    end: dt.date  # exit date, else today
    active: bool
    primary: tuple[tuple[int, str, dt.date, dt.date | None], ...]  # (mentor id, name, from, to)


def primary_on(plan: MenteePlan, day: dt.date) -> tuple[int, str]:
    for mentor_id, name, _start, end in plan.primary:
        if end is None or day < end:
            return mentor_id, name
    return plan.primary[-1][0], plan.primary[-1][1]


def _planned(
    ref: Reference, plan: MenteePlan, today: dt.date, kind: ScheduleItemKind
) -> list[PlannedItem]:
    """The schedule as a director adding this mentee on the start date would have planned it:
    the one planning rule every path uses (services.timeline.schedule)."""
    items = planned_items(ref.schedule, plan.start, today, PlanFrom.START)
    return [item for item in items if item.kind == kind]


def add_checkins(
    rows: Rows, rng: random.Random, ref: Reference, plan: MenteePlan, today: dt.date
) -> None:
    for item in _planned(ref, plan, today, ScheduleItemKind.CHECKIN):
        title, planned = item.name, item.date
        if planned > plan.end:
            if plan.active:
                _checkin(rows, plan, title, planned, "planned", None)
            else:  # planned after the mentee left: cancelled on the exit date, as archiving does
                _checkin(rows, plan, title, planned, "cancelled", None)
                rows.tables["checkins"][-1]["cancelled_on"] = plan.end
            continue
        roll = rng.random()
        if (today - planned).days < 21 and roll < 0.4:
            _checkin(rows, plan, title, planned, "planned", None)  # recent, not yet written up
        elif roll < 0.78:
            late = rng.random() < 0.12
            held = (
                planned + rng.randint(15, 35 if late else 20) * DAY
                if late
                else planned + rng.randint(-2, 7) * DAY
            )
            held = min(held, today)
            cid = _checkin(rows, plan, title, planned, "held", held)
            _fill_held(rows, rng, plan, cid, held)
        elif roll < 0.86:
            _checkin(rows, plan, title, planned, "missed", None)
        elif roll < 0.94:
            _checkin(rows, plan, title, planned, "rescheduled", None)
            first_row = rows.tables["checkins"][-1]
            new_date = planned + rng.randint(5, 21) * DAY
            if new_date <= today:
                second = _checkin(rows, plan, f"{title} (rescheduled)", new_date, "held", new_date)
                _fill_held(rows, rng, plan, second, new_date)
            else:
                second = _checkin(rows, plan, f"{title} (rescheduled)", new_date, "planned", None)
            first_row["rescheduled_to_id"] = second
        else:
            _checkin(rows, plan, title, planned, "planned", None)  # left overdue


def _checkin(
    rows: Rows, plan: MenteePlan, title: str, planned: dt.date, status: str, held: dt.date | None
) -> int:
    mentor_id, _name = primary_on(plan, planned)
    return rows.add(
        "checkins",
        {
            "mentee_id": plan.id,
            "mentor_id": mentor_id,
            "title": title,
            "planned_date": planned,
            "held_date": held,
            "status": status,
            "format": None,
            "attendees": "",
            "topics": "",
            "summary": "",
            "private_note": "",
            "rescheduled_to_id": None,
            "cancelled_on": None,
        },
        versioned=True,
    )


def _fill_held(
    rows: Rows, rng: random.Random, plan: MenteePlan, checkin_id: int, held: dt.date
) -> None:
    row = rows.tables["checkins"][-1]
    _mentor_id, mentor_name = primary_on(plan, held)
    topics = rng.sample(TOPICS, rng.randint(1, 3))
    row["format"] = rng.choice(FORMATS)
    row["attendees"] = f"Mentee, {mentor_name}"
    row["topics"] = ",".join(topics)
    row["summary"] = " ".join(texts.SUMMARIES[t] for t in topics)
    if rng.random() < 0.1:
        row["private_note"] = rng.choice(texts.PRIVATE_NOTES)
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        due = held + rng.randint(7, 45) * DAY
        rows.add(
            "actions",
            {
                "mentee_id": plan.id,
                "checkin_id": checkin_id,
                "description": rng.choice(texts.ACTIONS),
                "owner": rng.choice(("Mentee", mentor_name)),
                "due_date": due,
                "done_date": due - rng.randint(0, 6) * DAY if rng.random() < 0.7 else None,
            },
        )


def add_milestones(
    rows: Rows, rng: random.Random, ref: Reference, plan: MenteePlan, today: dt.date
) -> None:
    for item in _planned(ref, plan, today, ScheduleItemKind.MILESTONE):
        name, due, tier = item.name, item.date, item.tier.value
        cancelled = plan.end if due > plan.end and not plan.active else None
        completed: dt.date | None = None
        if due <= plan.end:
            roll = rng.random()
            if roll < 0.75:
                completed = due - rng.randint(0, 10) * DAY
            elif roll < 0.9:
                completed = due + rng.randint(5, 60) * DAY
                if completed > today:
                    completed = None
        signer = primary_on(plan, completed)[1] if completed else ""
        rows.add(
            "milestones",
            {
                "mentee_id": plan.id,
                "name": name,
                "tier": tier,
                "due_date": due,
                "completed_date": completed,
                "signed_off_by": signer,
                "note": "",
                "cancelled_on": cancelled,
            },
            versioned=True,
        )


def add_assessments(rows: Rows, rng: random.Random, ref: Reference, plan: MenteePlan) -> None:
    """Mentor ratings of every item at ~30 days then each quarter of year 1 and yearly; self
    ratings at ~30 days and at yearly reviews. Levels grow over time; self runs above mentor."""
    top = ref.levels[-1]
    bottom = ref.levels[0]
    aptitude = rng.uniform(-0.6, 0.6)
    for round_no, day in enumerate(ASSESSMENT_DAYS):
        when = plan.start + (day + rng.randint(-3, 5)) * DAY
        if when > plan.end:
            break
        _mentor_id, mentor_name = primary_on(plan, when)
        base = 1.0 + 0.5 * round_no + aptitude
        for item_id in ref.item_ids:
            mentor_level = round(base + rng.uniform(-1.0, 1.0))
            self_level = mentor_level + rng.choice((0, 1, 1, -1))  # the self/mentor gap
            ratings = [(mentor_level, "mentor", mentor_name, "direct_observation")]
            if day in SELF_ASSESSMENT_DAYS:
                ratings.append((self_level, "self", "Mentee", "self_report"))
            for level, role, who, method in ratings:
                rows.add(
                    "assessments",
                    {
                        "mentee_id": plan.id,
                        "item_id": item_id,
                        "level": max(bottom, min(top, level)),
                        "assessed_on": when,
                        "observer": who,
                        "observer_role": role,
                        "method": method,
                        "evidence": "",
                    },
                )


CREDENTIAL_BY_VISA = {
    "J-1 waiver (Conrad 30)": ("conrad30", "j1_visa"),
    "H-1B": ("h1b",),
    "J-1 visa": ("j1_visa",),
    "National Interest Waiver": ("niw", "h1b"),
    "Permanent resident": (),
}


WAIVERS = ("conrad30",)


def _kind_values(code: str, start: dt.date) -> dict[str, str]:
    """The kind's own fields a real record would hold (see credential_kinds.json)."""
    if code == "conrad30":
        return {"work_start": start.isoformat(), "obligation_years": "3", "state": "MT"}
    if code == "h1b":
        return {"first_start": start.isoformat()}
    if code == "niw":
        return {"service_start": start.isoformat()}
    if code in ("state_licence", "dea"):
        return {"state": "MT"}
    return {}


def add_credentials(
    rows: Rows, rng: random.Random, ref: Reference, plan: MenteePlan, visa: str, today: dt.date
) -> None:
    codes = [
        "passport",
        "ecfmg",
        "state_licence",
        "dea",
        "privileges",
        *CREDENTIAL_BY_VISA.get(visa, ()),
    ]
    if rng.random() < 0.4:
        codes.append("board_cert")
    for code in codes:
        kind_id = ref.kinds.get(code)
        if kind_id is None:
            continue
        roll = rng.random()
        if code == "ecfmg":
            expires: dt.date | None = None
        elif roll < 0.04:
            expires = today - rng.randint(1, 60) * DAY  # lapsed
        elif roll < 0.09:
            expires = today + rng.randint(0, 7) * DAY
        elif roll < 0.17:
            expires = today + rng.randint(8, 30) * DAY
        elif roll < 0.27:
            expires = today + rng.randint(31, 90) * DAY
        elif roll < 0.37:
            expires = today + rng.randint(91, 180) * DAY
        else:
            expires = today + rng.randint(181, 1100) * DAY
        status = "active"
        if expires is not None and expires < today:
            status = "expired" if rng.random() < 0.5 else "active"
        if not plan.active:
            status = "completed"
        issued = plan.start - rng.randint(30, 400) * DAY
        values = _kind_values(code, plan.start)
        if code in WAIVERS:  # approved ahead of the start; the work started on time
            issued, expires = plan.start - 75 * DAY, None
        rows.add(
            "credentials",
            {
                "mentee_id": plan.id,
                "kind_id": kind_id,
                "number": f"{code.upper()}-{rng.randint(100000, 999999)}",
                "detail": "Montana" if code in ("state_licence", "dea") else "",
                "issued_on": issued,
                "expires_on": expires,
                "field_values": json.dumps(values, sort_keys=True),
                "status": status,
                "reminder_offsets": "",
                "note": "",
            },
            versioned=True,
        )


def add_goals(rows: Rows, rng: random.Random, plan: MenteePlan, today: dt.date) -> None:
    for title, tasks in rng.sample(texts.GOALS, rng.randint(1, 3)):
        by_tasks = rng.random() < 0.5
        target = plan.start + rng.randint(120, 900) * DAY
        achieved = target < today and rng.random() < 0.6
        goal_id = rows.add(
            "goals",
            {
                "mentee_id": plan.id,
                "title": title,
                "description": "",
                "progress_mode": "tasks" if by_tasks else "judged",
                "judged_progress": 100 if achieved else rng.choice((0, 25, 50, 75)),
                "status": "achieved" if achieved else "open",
                "target_date": target,
            },
        )
        for n, task in enumerate(tasks):
            due = plan.start + (60 + 90 * n) * DAY
            done = due if (achieved or (due < today and rng.random() < 0.6)) else None
            rows.add(
                "goal_tasks",
                {"goal_id": goal_id, "title": task, "due_date": due, "done_date": done},
            )
