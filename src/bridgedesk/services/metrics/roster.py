"""Who is in the program: roster by phase, specialty, country, site and visa, and mentor load."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from bridgedesk.services.mentees.phases import phase_on, read_phases
from bridgedesk.services.metrics.measure import Measure, Period, breakdown
from bridgedesk.storage.models import Mentee, Mentor, MentorAssignment, Site


@dataclass(frozen=True)
class RosterMetrics:
    in_program: Measure
    by_phase: tuple[Measure, ...]
    by_specialty: tuple[Measure, ...]
    by_country: tuple[Measure, ...]
    by_site: tuple[Measure, ...]
    by_visa: tuple[Measure, ...]
    mentor_load: tuple[Measure, ...]  # per mentor: mentees over capacity
    mentors_over_capacity: Measure
    mean_load: Measure


def in_program_clause(period: Period):  # type: ignore[no-untyped-def]
    """Mentees who were in the program at some point of the period."""
    clause = and_(
        Mentee.start_date <= period.end,
        or_(Mentee.exit_date.is_(None), Mentee.exit_date >= period.start),
    )
    if period.site_id is not None:
        clause = and_(clause, Mentee.site_id == period.site_id)
    return clause


def roster_metrics(session: Session, period: Period) -> RosterMetrics:
    phases = read_phases(session)
    on_day = min(period.end, period.today)
    rows = session.execute(
        select(
            Mentee.id,
            Mentee.start_date,
            Mentee.phase_override_id,
            Mentee.exit_date,
            Mentee.specialty,
            Mentee.country_of_training,
            Site.name,
            Mentee.visa_kind,
        )  # fmt: skip
        .outerjoin(Site, Site.id == Mentee.site_id)
        .where(in_program_clause(period))
    ).all()
    total = len(rows)
    phase, specialty, country, site, visa = Counter(), Counter(), Counter(), Counter(), Counter()  # type: ignore[var-annotated]
    for _id, start, override, exit_date, sp, co, si, vi in rows:
        # The phase each mentee was in at the period's end (or on leaving), by the one rule.
        phase[phases.shown(start, override, phase_on(exit_date, on_day)).name] += 1
        specialty[sp] += 1
        country[co] += 1
        site[si or ""] += 1
        visa[vi] += 1
    mentee_ids = {r[0] for r in rows}
    load = _mentor_load(session, period, mentee_ids)
    over = sum(1 for m in load if m.denominator is not None and (m.value or 0) > m.denominator)
    total_assigned = sum(int(m.value or 0) for m in load)
    return RosterMetrics(
        in_program=period.measure("Mentees in the program", total, None, "mentees"),
        by_phase=breakdown(period, phase, total),
        by_specialty=breakdown(period, specialty, total),
        by_country=breakdown(period, country, total),
        by_site=breakdown(period, site, total),
        by_visa=breakdown(period, visa, total),
        mentor_load=load,
        mentors_over_capacity=period.measure("Mentors over capacity", over, len(load), "mentors"),
        mean_load=period.measure(
            "Mentees per mentor", total_assigned / len(load) if load else None, len(load), "mentees"
        ),
    )


def _mentor_load(session: Session, period: Period, mentee_ids: set[int]) -> tuple[Measure, ...]:
    """Distinct mentees per mentor with an assignment open at the period's end."""
    rows = session.execute(
        select(Mentor.id, Mentor.name, Mentor.capacity, MentorAssignment.mentee_id)
        .join(MentorAssignment, MentorAssignment.mentor_id == Mentor.id)
        .where(
            MentorAssignment.start_date <= period.end,
            or_(MentorAssignment.end_date.is_(None), MentorAssignment.end_date > period.end),
        )
    ).all()
    mentees_of: dict[tuple[int, str, int], set[int]] = {}
    for mentor_id, name, capacity, mentee_id in rows:
        if mentee_id in mentee_ids:
            mentees_of.setdefault((mentor_id, name, capacity), set()).add(mentee_id)
    ordered = sorted(mentees_of.items(), key=lambda kv: (-len(kv[1]), kv[0][1], kv[0][0]))
    return tuple(
        period.measure(name, len(ids), capacity, "mentees") for (_i, name, capacity), ids in ordered
    )
