"""The program report's figures for a past period and for the last 12 months, each recomputed
here with plain SQL on the program file, and the report PDF read back.

The program is built through the services (roster, timeline, mentors, credentials, checklist,
insights, leaving), so the rows are the ones the app writes. Every expected value comes from a
SQL query written here, not from the metrics code: a figure counted over the wrong days, or
over the wrong denominator, differs.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics

import pypdf
import pytest
from scipy import stats
from sqlalchemy import select

from bridgedesk.domain.enums import (
    AssessmentMethod,
    AssignmentKind,
    CheckinFormat,
    CheckinTopic,
    InsightStatus,
    MenteeStatus,
    ObserverRole,
)
from bridgedesk.reports.program_closing import DEFINITIONS, SIGN_OFF
from bridgedesk.reports.program_findings import ATTENTION, HEADING
from bridgedesk.reports.program_report import build_program_report
from bridgedesk.services.attention.summary import attention_summary
from bridgedesk.services.checklists.ratings import ChecklistService, Rating
from bridgedesk.services.credentials.service import CredentialFields, CredentialService
from bridgedesk.services.insights.service import InsightFields, InsightService
from bridgedesk.services.mentees import leaving
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.services.metrics import compute_program_metrics
from bridgedesk.services.program import details as program_settings
from bridgedesk.services.program.exit_reasons import exit_reasons
from bridgedesk.services.timeline.checkins import CheckinLog
from bridgedesk.services.timeline.schedule import PlanFrom
from bridgedesk.services.timeline.service import TimelineService
from bridgedesk.storage.models import Checkin, ComparisonPhysician, Milestone
from tests.reports.report_data import pages_text

D = dt.date
TODAY = D(2026, 6, 30)
PAST = (D(2025, 1, 1), D(2025, 6, 30))
RECENT = (D(2025, 7, 1), D(2026, 6, 30))
DIRECTOR = "Dr. Amara Okafor"


def _log(day: dt.date) -> CheckinLog:
    return CheckinLog(day, CheckinFormat.VIDEO, "mentor", [CheckinTopic.CULTURAL], "Met.")


@pytest.fixture
def program(sqlite_ctx):
    """Five mentees at two sites, two mentors, check-ins and milestones recorded on varied
    days, credentials around today, waivers, ratings, insights, one exit and one completion."""
    ctx = sqlite_ctx
    program_settings.save(
        ctx, program_settings.ProgramSettings("Hill Hospital", "Bridge", DIRECTOR)
    )
    roster = RosterService(ctx, clock=lambda: TODAY)
    starts = {
        "ana": (D(2023, 3, 1), "North"),
        "ben": (D(2024, 2, 1), "North"),
        "chi": (D(2024, 5, 6), "South"),
        "dev": (D(2022, 9, 5), "South"),
        "eli": (D(2025, 9, 1), "North"),
    }
    ids = {
        key: roster.create(
            MenteeFields(given_names=key.capitalize(), family_name="Test", start_date=start,
                         site=site, specialty="Family Medicine", country_of_training="Peru",
                         visa_kind="H-1B"),
            PlanFrom.START,
        )
        for key, (start, site) in starts.items()
    }  # fmt: skip
    mentors = MentorService(ctx)
    north = mentors.create(MentorFields(name="Dr. North", capacity=1))
    south = mentors.create(MentorFields(name="Dr. South", capacity=2))
    for key, mentor in (("ana", north), ("ben", north), ("chi", south), ("dev", south)):
        mentors.assign(ids[key], mentor, AssignmentKind.PRIMARY, starts[key][0])
    timeline = TimelineService(ctx)
    with ctx.read() as s:
        checkins = s.execute(
            select(Checkin.id, Checkin.mentee_id, Checkin.planned_date)
            .where(Checkin.planned_date <= TODAY)
            .order_by(Checkin.mentee_id, Checkin.planned_date)
        ).all()
        milestones = s.execute(
            select(Milestone.id, Milestone.due_date)
            .where(Milestone.due_date <= TODAY)
            .order_by(Milestone.id)
        ).all()
    for i, (checkin_id, _mentee, planned) in enumerate(checkins):
        if i % 7 == 3:
            timeline.mark_missed(checkin_id)
        elif i % 11 == 5:
            timeline.reschedule(checkin_id, planned + dt.timedelta(days=9))
        elif i % 5 != 4:  # every fifth stays planned: overdue
            late = (0, 3, 20, 40)[i % 4]
            timeline.log_checkin(checkin_id, _log(min(planned + dt.timedelta(days=late), TODAY)),
                                 today=TODAY)  # fmt: skip
    for i, (milestone_id, due) in enumerate(milestones):
        if i % 4 == 0:
            continue  # overdue
        done = due + dt.timedelta(days=(-2, 5, 30)[i % 3])
        timeline.complete_milestone(milestone_id, min(done, TODAY), "Dr. North", today=TODAY)
    credentials = CredentialService(ctx)
    for key, expires in (("ana", D(2026, 6, 1)), ("ana", D(2026, 7, 20)),
                         ("ben", D(2026, 9, 15)), ("eli", D(2026, 12, 1)),
                         ("dev", D(2026, 7, 1))):  # fmt: skip
        credentials.add(ids[key], CredentialFields("bls", expires_on=expires))
    # Waivers: dev's obligation ended 2025-09-05 (dev completes after it); chi's ends
    # 2026-02-01 but chi leaves in 2025; ben's runs to 2027.
    for key, start in (("dev", D(2022, 9, 5)), ("chi", D(2023, 2, 1)), ("ben", D(2024, 2, 1))):
        credentials.add(
            ids[key],
            CredentialFields("conrad30", issued_on=start - dt.timedelta(days=60),
                             values={"work_start": start.isoformat(), "obligation_years": "3"}),
        )  # fmt: skip
    checklist = ChecklistService(ctx)
    items = [item_id for _d, rows in checklist.current_template().domains for item_id, *_ in rows]
    for key in ("ana", "ben", "chi"):
        for n, (day, role) in enumerate(
            ((D(2024, 9, 1), ObserverRole.MENTOR), (D(2024, 9, 2), ObserverRole.SELF),
             (D(2025, 3, 1), ObserverRole.MENTOR), (D(2026, 1, 10), ObserverRole.MENTOR))
        ):  # fmt: skip
            if key == "chi" and day.year == 2026:
                continue  # chi has left by then
            for k, item in enumerate(items[: 6 + 3 * n]):
                level = 1 + (k + n + len(key)) % 4
                checklist.rate(ids[key], Rating(item, level, day, "Dr. North", role,
                                                AssessmentMethod.DIRECT_OBSERVATION), today=TODAY)  # fmt: skip
    insights = InsightService(ctx)
    for key, day, changed in (("ana", D(2025, 2, 1), "Interpreter line"),
                              ("ben", D(2025, 5, 1), ""), ("ana", D(2025, 10, 1), "Huddle"),
                              ("eli", D(2026, 3, 1), ""), ("ben", D(2026, 4, 1), "Menu")):  # fmt: skip
        insight = insights.create(InsightFields(ids[key], "Mentee", day, "Language", "Idea",
                                                changed_practice=changed))  # fmt: skip
        if changed:
            insights.advance(insight, InsightStatus.DISCUSSED)
            insights.advance(insight, InsightStatus.ACTED_ON)
    reasons = {r.label: r.id for r in exit_reasons(ctx)}
    leaving.archive(ctx, ids["chi"], MenteeStatus.LEFT, D(2025, 3, 15),
                    next(iter(reasons.values())), "Moved away")  # fmt: skip
    leaving.archive(ctx, ids["dev"], MenteeStatus.COMPLETED, D(2026, 1, 10), None)
    with ctx.unit_of_work() as s:  # no service records comparison physicians (an import does)
        s.add(ComparisonPhysician(label="c1", start_date=D(2023, 1, 1), exit_date=D(2024, 3, 1)))
        s.add(ComparisonPhysician(label="c2", start_date=D(2023, 6, 1)))
        s.add(ComparisonPhysician(label="c3", start_date=D(2024, 8, 1), exit_date=D(2025, 2, 1)))
    return ctx, ids


def sql(ctx, query: str, **params):
    path = ctx.db.engine.url.database
    with sqlite3.connect(path) as con:
        return con.execute(query, params).fetchall()


def one(ctx, query: str, **params):
    return sql(ctx, query, **params)[0][0]


IN_PROGRAM = "m.start_date <= :end AND (m.exit_date IS NULL OR m.exit_date >= :start)"


def expected(ctx, start: dt.date, end: dt.date) -> dict[str, tuple]:
    """Every figure checked, from plain SQL: name -> (value, denominator)."""
    due_until = min(end, TODAY).isoformat()
    closing = min(end, TODAY).isoformat()
    p = {"start": start.isoformat(), "end": end.isoformat(), "until": due_until,
         "today": TODAY.isoformat(), "closing": closing}  # fmt: skip
    in_program = one(ctx, f"SELECT count(*) FROM mentees m WHERE {IN_PROGRAM}", **p)
    ck = sql(ctx, f"""SELECT c.status, c.planned_date, c.held_date FROM checkins c
        JOIN mentees m ON m.id = c.mentee_id WHERE {IN_PROGRAM}
        AND c.planned_date BETWEEN :start AND :until""", **p)  # fmt: skip
    due = [r for r in ck if r[0] not in ("rescheduled", "cancelled")]
    held = [r for r in due if r[0] == "held"]
    on_time = [r for r in held if (D.fromisoformat(r[2]) - D.fromisoformat(r[1])).days <= 14]
    gaps = [g for (g,) in sql(ctx, f"""SELECT julianday(held_date) - julianday(prev) FROM (
        SELECT c.held_date, lag(c.held_date) OVER (PARTITION BY c.mentee_id
            ORDER BY c.held_date) AS prev
        FROM checkins c JOIN mentees m ON m.id = c.mentee_id
        WHERE {IN_PROGRAM} AND c.status = 'held' AND c.held_date BETWEEN :start AND :end)
        WHERE prev IS NOT NULL""", **p)]  # fmt: skip
    ms = sql(ctx, f"""SELECT x.due_date, x.completed_date FROM milestones x
        JOIN mentees m ON m.id = x.mentee_id WHERE {IN_PROGRAM}
        AND x.due_date BETWEEN :start AND :until AND x.cancelled_on IS NULL""", **p)  # fmt: skip
    # Each open credential's next event: a BLS card's expiry, a running waiver's obligation end.
    bls = sql(ctx, """SELECT julianday(c.expires_on) - julianday(:today) FROM credentials c
        JOIN credential_kinds k ON k.id = c.kind_id JOIN mentees m ON m.id = c.mentee_id
        WHERE k.code = 'bls' AND m.status = 'active' AND c.status = 'active'
        UNION ALL
        SELECT julianday(date(json_extract(c.field_values, '$.work_start'), '+'
            || json_extract(c.field_values, '$.obligation_years') || ' years'))
            - julianday(:today) AS days
        FROM credentials c JOIN credential_kinds k ON k.id = c.kind_id
        JOIN mentees m ON m.id = c.mentee_id
        WHERE k.code = 'conrad30' AND m.status = 'active' AND c.status = 'active'
            AND days > 0""", **p)  # fmt: skip
    waivers = sql(ctx, """SELECT m.status, m.exit_date, date(json_extract(c.field_values,
            '$.work_start'), '+' || json_extract(c.field_values, '$.obligation_years')
            || ' years') AS ends
        FROM credentials c JOIN credential_kinds k ON k.id = c.kind_id
        JOIN mentees m ON m.id = c.mentee_id WHERE k.code = 'conrad30'""")  # fmt: skip
    ended = [w for w in waivers if w[2] <= closing]
    served = [w for w in ended if w[0] == "active" or w[1] is None or w[1] >= w[2]]
    insights = sql(ctx, """SELECT status, changed_practice FROM insights
        WHERE raised_on BETWEEN :start AND :end""", **p)  # fmt: skip
    changed = [i for i in insights if i[0] in ("acted_on", "closed") and i[1].strip()]
    left = one(ctx, f"""SELECT count(*) FROM mentees m WHERE {IN_PROGRAM} AND m.status = 'left'
        AND m.exit_date BETWEEN :start AND :end""", **p)  # fmt: skip
    completed = one(ctx, f"""SELECT count(*) FROM mentees m WHERE {IN_PROGRAM}
        AND m.status = 'completed' AND m.exit_date BETWEEN :start AND :end""", **p)  # fmt: skip
    loads = sql(ctx, """SELECT t.capacity, count(DISTINCT a.mentee_id) FROM mentors t
        LEFT JOIN mentor_assignments a ON a.mentor_id = t.id AND a.kind = 'primary'
            AND a.start_date <= :closing AND (a.end_date IS NULL OR a.end_date > :closing)
            AND a.mentee_id IN (SELECT id FROM mentees
                                WHERE exit_date IS NULL OR exit_date > :closing)
        WHERE t.active GROUP BY t.id""", **p)  # fmt: skip
    return {
        "in_program": (in_program, None),
        "due": (len(due), None),
        "held": (len(held), len(due)),
        "on_time": (len(on_time), len(held)),
        "missed": (sum(1 for r in due if r[0] == "missed"), len(due)),
        "overdue": (sum(1 for r in due if r[0] == "planned" and r[1] < TODAY.isoformat()),
                    len(due)),
        "rescheduled": (sum(1 for r in ck if r[0] == "rescheduled"),
                        sum(1 for r in ck if r[0] != "cancelled")),
        "median_gap": (statistics.median(gaps) if gaps else None, len(gaps)),
        "ms_due": (len(ms), None),
        "ms_on_time": (sum(1 for d, c in ms if c is not None and c <= d), len(ms)),
        "ms_late": (sum(1 for d, c in ms if c is not None and c > d), len(ms)),
        "ms_overdue": (sum(1 for d, c in ms if c is None and d < TODAY.isoformat()), len(ms)),
        "tracked": (len(bls), None),
        "lapsed": (sum(1 for (days,) in bls if days < 0), len(bls)),
        "within_30": (sum(1 for (days,) in bls if 0 <= days <= 30), len(bls)),
        "within_90": (sum(1 for (days,) in bls if 0 <= days <= 90), len(bls)),
        "waivers": (len(served), len(ended)),
        "raised": (len(insights), None),
        "changed": (len(changed), len(insights)),
        "left": (left, in_program),
        "completed": (completed, in_program),
        "over_capacity": (sum(1 for cap, n in loads if n > cap), len(loads)),
        "per_mentor": (sum(n for _cap, n in loads) / len(loads), len(loads)),
    }  # fmt: skip


def fluency_expected(ctx, start: dt.date, end: dt.date) -> dict[tuple[str, str], tuple]:
    """(domain, observer) -> (proficient, rated) at the first and at the latest assessment."""
    rows = sql(ctx, f"""WITH bounds AS (
            SELECT a.mentee_id, a.observer_role AS role, min(a.assessed_on) AS first,
                max(a.assessed_on) AS latest
            FROM assessments a JOIN mentees m ON m.id = a.mentee_id
            WHERE {IN_PROGRAM} AND a.assessed_on <= :end GROUP BY a.mentee_id, a.observer_role),
        threshold AS (SELECT template_id, min(value) AS value FROM rating_levels
            WHERE counts_as_proficient GROUP BY template_id)
        SELECT d.name, a.observer_role,
            sum(a.assessed_on = b.first AND a.level >= t.value), sum(a.assessed_on = b.first),
            sum(a.assessed_on = b.latest AND a.level >= t.value), sum(a.assessed_on = b.latest)
        FROM assessments a
        JOIN bounds b ON b.mentee_id = a.mentee_id AND b.role = a.observer_role
        JOIN checklist_items i ON i.id = a.item_id
        JOIN checklist_domains d ON d.id = i.domain_id
        JOIN threshold t ON t.template_id = d.template_id
        GROUP BY d.name, a.observer_role""", start=start.isoformat(), end=end.isoformat())  # fmt: skip
    # A domain rated only between a mentee's first and latest day has nothing to show.
    return {(name, role): (fp, fr, lp, lr) for name, role, fp, fr, lp, lr in rows if fr or lr}


def actual(m) -> dict[str, tuple]:
    ch, ms, dl, rt, lr = m.checkins, m.milestones, m.deadlines, m.retention, m.learning
    pairs = {
        "in_program": m.roster.in_program, "due": ch.due, "held": ch.held,
        "on_time": ch.on_time, "missed": ch.missed, "overdue": ch.overdue,
        "rescheduled": ch.rescheduled, "median_gap": ch.median_days_between,
        "ms_due": ms.due, "ms_on_time": ms.on_time, "ms_late": ms.late,
        "ms_overdue": ms.overdue, "tracked": dl.tracked, "lapsed": dl.lapsed,
        "within_30": dl.within[0], "within_90": dl.within[1], "waivers": rt.waivers_completed,
        "raised": lr.raised, "changed": lr.led_to_change, "left": rt.early_exits,
        "completed": rt.completed, "over_capacity": m.roster.mentors_over_capacity,
        "per_mentor": m.roster.mean_load,
    }  # fmt: skip
    return {k: (v.value, v.denominator) for k, v in pairs.items()}


def retention_expected(ctx, closing: dt.date) -> tuple[float, int]:
    """S(365 days) and the number followed that long, by scipy over SQL-read durations."""
    rows = sql(ctx, "SELECT start_date, exit_date, status FROM mentees WHERE start_date <= :d",
               d=closing.isoformat())  # fmt: skip
    died, censored = [], []
    for start, exit_date, status in rows:
        stop = (
            D.fromisoformat(exit_date)
            if exit_date and exit_date <= closing.isoformat()
            else closing
        )
        days = (stop - D.fromisoformat(start)).days
        (died if status == "left" and stop != closing else censored).append(days)
    at_risk = sum(1 for d in died + censored if d >= 365)
    if not died:
        return 1.0, at_risk
    fit = stats.ecdf(stats.CensoredData(uncensored=died, right=censored))
    return float(fit.sf.evaluate(365)), at_risk


@pytest.mark.parametrize("period", [PAST, RECENT], ids=["past", "last-12-months"])
def test_every_figure_matches_plain_sql(program, period):
    ctx, _ids = program
    metrics = compute_program_metrics(ctx, *period, TODAY)
    want, got = expected(ctx, *period), actual(metrics)
    assert got == want
    # The data exercises the figures: none of the main ones is trivially empty.
    assert want["held"][0] and want["ms_due"][0] and want["raised"][0] and want["tracked"][0]
    fluency = {
        (d.domain, d.observer_role): (d.first.value, d.first.denominator, d.latest.value,
                                      d.latest.denominator)
        for d in metrics.cultural_fluency
    }  # fmt: skip
    assert fluency == fluency_expected(ctx, *period) and fluency
    # Today's "Needs attention" counts are the Dashboard's own (services.attention).
    assert metrics.attention == attention_summary(ctx, TODAY)
    kinds = {k.kind: k for k in metrics.attention}
    assert kinds["no_primary_mentor"].mentees  # eli has no mentor: not trivially empty
    closing = min(period[1], TODAY)
    survival, followed = retention_expected(ctx, closing)
    year = metrics.retention.program[0]
    assert year.value == pytest.approx(survival) and year.denominator == followed
    # Point-in-time figures carry their day; flows carry the period and no day.
    assert year.as_of == closing and metrics.retention.waivers_completed.as_of == closing
    assert metrics.deadlines.lapsed.as_of == TODAY  # deadlines are only known today
    assert metrics.checkins.held.as_of is None
    assert (metrics.checkins.held.period_start, metrics.checkins.held.period_end) == period


def test_the_past_and_recent_periods_differ_where_they_should(program):
    ctx, _ids = program
    past = compute_program_metrics(ctx, *PAST, TODAY)
    recent = compute_program_metrics(ctx, *RECENT, TODAY)
    assert (past.retention.early_exits.value, recent.retention.early_exits.value) == (1, 0)
    assert (past.retention.completed.value, recent.retention.completed.value) == (0, 1)
    # dev's obligation ended in September 2025: not due by the past period's close.
    assert past.retention.waivers_completed.denominator == 0
    assert (recent.retention.waivers_completed.value,
            recent.retention.waivers_completed.denominator) == (1, 2)  # fmt: skip


def test_report_pdf_has_findings_first_definitions_and_sign_off(program, tmp_path):
    ctx, _ids = program
    out = tmp_path / "program.pdf"
    build_program_report(ctx, out, *RECENT, TODAY)
    metrics = compute_program_metrics(ctx, *RECENT, TODAY)
    reader = pypdf.PdfReader(out)
    first = " ".join(reader.pages[0].extract_text().split())
    assert ATTENTION in first and HEADING in first
    held, due = metrics.checkins.held.value, metrics.checkins.held.denominator
    assert f"{held} of the {due} check-ins due in the period were held" in first
    assert f"({held / due * 100:.1f}%)" in first
    # "Needs attention" is the Dashboard's list counted per kind (one definition).
    lapsed = {k.kind: k for k in attention_summary(ctx, TODAY)}["credential_lapsed"]
    assert f"Lapsed credentials: {lapsed.items} ({lapsed.mentees} mentee" in first
    assert "Kaplan-Meier" in first and "95% CI" in first
    pages = pages_text(out)
    definitions = [i for i, page in enumerate(pages) if DEFINITIONS in page]
    assert definitions, "no definitions page"
    flat = " ".join(" ".join(pages[definitions[0] :]).split())
    assert "Greenwood" in flat and "over check-ins due" in flat
    last = " ".join(pages[-1].split())
    assert SIGN_OFF in last and DIRECTOR in last and "Signature" in last and "Date" in last
    # The sign-off page holds more than the sign-off block.
    before_block = last.split(SIGN_OFF)[0]
    assert len(before_block.split()) > 30
    # Early exits are counted by reason; the name of the one who left is not printed.
    assert "Chi Test" not in " ".join(pages)


def test_names_of_early_exits_only_when_asked(program, tmp_path):
    ctx, _ids = program
    out = tmp_path / "named.pdf"
    build_program_report(ctx, out, *PAST, TODAY, name_early_exits=True)
    text = " ".join(" ".join(pages_text(out)).split())
    assert "Chi Test" in text and "Moved away" in text
