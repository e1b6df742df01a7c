"""Who is in the program: roster by phase, specialty, country, site and visa, and mentor load."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from bridgedesk.services.mentees.phases import phase_on, read_phases
from bridgedesk.services.mentees.status_counts import count_mentees
from bridgedesk.services.metrics.figures import (
    ACTIVE_MENTEES,
    IN_PROGRAM,
    MENTEES_PER_MENTOR,
    MENTORS_OVER_CAPACITY,
    label,
)
from bridgedesk.services.metrics.measure import Measure, Period, breakdown
from bridgedesk.services.metrics.mentor_load import mentor_figures
from bridgedesk.storage.models import Mentee, Site


@dataclass(frozen=True)
class RosterMetrics:
    in_program: Measure
    by_phase: tuple[Measure, ...]
    by_specialty: tuple[Measure, ...]
    by_country: tuple[Measure, ...]
    by_site: tuple[Measure, ...]
    by_visa: tuple[Measure, ...]
    mentor_load: tuple[Measure, ...]  # per active mentor with a load: load of capacity
    mentors_over_capacity: Measure  # over active mentors (services/metrics/mentor_load.py)
    mean_load: Measure  # mentees per mentor: an average, printed as one number
    active: Measure | None = None  # active mentees today (figures.ACTIVE_MENTEES)


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
    on_day = period.closing_day
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
    mentors = mentor_figures(session, period.closing_day, period.site_id)
    load = tuple(
        period.snapshot(m.name, m.load, m.capacity, "mentees") for m in mentors.loads if m.load
    )
    return RosterMetrics(
        in_program=period.measure(label(IN_PROGRAM), total, None, "mentees"),
        by_phase=_in_order(breakdown(period, phase, total), phases.order),
        by_specialty=breakdown(period, specialty, total),
        by_country=breakdown(period, country, total),
        by_site=breakdown(period, site, total),
        by_visa=breakdown(period, visa, total),
        mentor_load=load,
        mentors_over_capacity=period.snapshot(
            label(MENTORS_OVER_CAPACITY), mentors.over_capacity, mentors.active_mentors,
            "mentors",
        ),
        mean_load=period.snapshot(
            label(MENTEES_PER_MENTOR), mentors.mentees_per_mentor, mentors.active_mentors,
            "mean",
        ),
        active=period.snapshot(
            label(ACTIVE_MENTEES), active_mentees(session, period.site_id), None, "mentees",
            on=period.today,
        ),
    )  # fmt: skip


def active_mentees(session: Session, site_id: int | None = None) -> int:
    """Mentees whose status is Active today (figures.ACTIVE_MENTEES), of one site if given."""
    return count_mentees(session, site_id).active


def _in_order(measures: tuple[Measure, ...], order: tuple[str, ...]) -> tuple[Measure, ...]:
    """Phases in program order (a phase no longer in the schedule last), not by size."""
    rank = {name: i for i, name in enumerate(order)}
    return tuple(sorted(measures, key=lambda m: (rank.get(m.label, len(rank)), m.label)))
