"""Every pair-health flag of the program, for the attention list and the program report."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from bridgedesk.domain.pair_health_flags import FlagKind, median, pair_flags
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentees.directory import mentee_directory
from bridgedesk.services.pair_health.flag_reads import read_pair_states
from bridgedesk.services.pair_health.reads import MenteePairHealth, read_pair_health
from bridgedesk.services.pair_health.rules_setting import flag_rules


@dataclass(frozen=True)
class PairFlagRow:
    """One flag of one mentee in the program, in words."""

    mentee_id: int
    mentee_name: str
    site: str
    mentor_name: str
    kind: FlagKind
    title: str
    day: dt.date
    message: str
    what_to_do: str
    source: str

    @property
    def key(self) -> str:
        """Stable while the state lasts: a new drop or a new silence gives a new key."""
        day = self.day.isoformat()
        return f"pair_health:{self.kind.value}:{self.source}:{self.mentee_id}:{day}"


@dataclass(frozen=True)
class ProgramPairHealth:
    """The program report's figures: flags by kind, median pulses, fit and surveys."""

    mentees: int  # active mentees considered
    flags_by_kind: dict[FlagKind, int]
    mentees_flagged: int
    median_mentee_pulse: float | None
    median_mentor_pulse: float | None
    pulses_counted: int  # check-ins with a pulse in the period
    fit_answered: int
    fit_no: int
    surveys_answered: int
    surveys_overdue: int


def _active(
    ctx: ServiceContext, today: dt.date, site: str | None
) -> tuple[dict[int, MenteePairHealth], dict[int, tuple[str, str]]]:
    labels = mentee_directory(ctx, active_only=True)
    names = {
        mid: (label.legal_name, label.site)
        for mid, label in labels.items()
        if site is None or label.site == site
    }
    rules = flag_rules(ctx)
    with ctx.read() as s:
        health = read_pair_health(s, None, today, rules)
    return {mid: h for mid, h in health.items() if mid in names}, names


def pair_health_flags(
    ctx: ServiceContext, today: dt.date, mentee_ids: Sequence[int] | None = None
) -> list[PairFlagRow]:
    """The flags of active mentees (all, or those of ``mentee_ids``), oldest state first.

    One bulk read of what the rules need (``flag_reads``), whatever the program's size.
    """
    rules = flag_rules(ctx)
    with ctx.read() as s:
        states = read_pair_states(s, today, mentee_ids=mentee_ids)
    rows = [
        PairFlagRow(
            state.mentee_id,
            state.mentee_name,
            state.site,
            state.mentor_name,
            flag.kind,
            flag.title,
            flag.day,
            flag.message,
            flag.what_to_do,
            flag.source,
        )
        for state in states
        for flag in pair_flags(state.history, today, rules)
    ]
    rows.sort(key=lambda r: (r.day, r.mentee_name, r.kind.value))
    return rows


def program_pair_health(
    ctx: ServiceContext,
    period_start: dt.date,
    period_end: dt.date,
    today: dt.date,
    site: str | None = None,
) -> ProgramPairHealth:
    """Flags on ``today`` and the pulses given in the period, for active mentees (of a site)."""
    health, _names = _active(ctx, today, site)
    kinds: Counter[FlagKind] = Counter()
    for h in health.values():
        kinds.update({flag.kind for flag in h.flags})
    in_period = [
        p for h in health.values() for p in h.pulses if period_start <= p.day <= period_end
    ]
    fits = [h.fit for h in health.values() if h.fit is not None]
    surveys = [d for h in health.values() for d in h.surveys]
    return ProgramPairHealth(
        mentees=len(health),
        flags_by_kind={kind: kinds.get(kind, 0) for kind in FlagKind},
        mentees_flagged=sum(1 for h in health.values() if h.flags),
        median_mentee_pulse=median([p.mentee for p in in_period if p.mentee is not None]),
        median_mentor_pulse=median([p.mentor for p in in_period if p.mentor is not None]),
        pulses_counted=len(in_period),
        fit_answered=len(fits),
        fit_no=sum(1 for f in fits if "no" in (f.mentee_answer, f.mentor_answer)),
        surveys_answered=sum(1 for d in surveys if d.answers is not None),
        surveys_overdue=sum(1 for d in surveys if d.state(today) == "overdue"),
    )
