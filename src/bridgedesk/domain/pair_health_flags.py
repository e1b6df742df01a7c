"""The pair-health flags: pure rules over one mentee's pulses, fit answers and check-ins.

Three kinds, each saying what to do:

- a sudden drop: one side's pulse fell by ``drop_points`` or more between its two latest pulses;
- a disagreement: the two sides' pulses at the latest check-in that has both are
  ``disagreement_points`` or more apart, or the fit answers differ and one of them is "no";
- no held check-in for ``days_without_held`` days (since the last held one, or since the
  start when none was held yet), for a mentee still in the program - unless the pair is only
  waiting for its next planned check-in (after the first year the schedule is quarterly) and
  nothing planned since the last one went unheld.

Only the pair's present state is flagged: a drop that was followed by a recovery is history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from bridgedesk.domain.pair_health import FitAnswer, Side, day_words, fit_words

DEFAULT_DROP_POINTS = 3
DEFAULT_DISAGREEMENT_POINTS = 3
DEFAULT_DAYS_WITHOUT_HELD = 45
DAYS_WITHOUT_HELD_RANGE = (7, 365)


class FlagKind(StrEnum):
    PULSE_DROP = "pulse_drop"
    DISAGREEMENT = "disagreement"
    NO_HELD_CHECKIN = "no_held_checkin"


FLAG_TITLES = {
    FlagKind.PULSE_DROP: "Sudden drop in the pulse",
    FlagKind.DISAGREEMENT: "The two sides disagree",
    FlagKind.NO_HELD_CHECKIN: "No held check-in",
}


@dataclass(frozen=True)
class FlagRules:
    drop_points: int = DEFAULT_DROP_POINTS
    disagreement_points: int = DEFAULT_DISAGREEMENT_POINTS
    days_without_held: int = DEFAULT_DAYS_WITHOUT_HELD


@dataclass(frozen=True)
class PulseReading:
    """The pulses given at one held check-in (either may be missing)."""

    day: dt.date
    mentee: int | None
    mentor: int | None


@dataclass(frozen=True)
class FitAnswers:
    mentee: FitAnswer | None = None
    mentor: FitAnswer | None = None
    day: dt.date | None = None  # when they were answered


@dataclass(frozen=True)
class PairHistory:
    """What the rules read about one mentee and the current mentor."""

    start: dt.date
    active: bool
    pulses: Sequence[PulseReading] = ()
    fit: FitAnswers = FitAnswers()
    last_held: dt.date | None = None
    unheld_due: int = 0  # check-ins planned since the last held one, past and not held
    next_planned: dt.date | None = None  # the next check-in planned from today on


@dataclass(frozen=True)
class PairFlag:
    kind: FlagKind
    day: dt.date  # when the state began (the latest pulse, the fit answers, the last held)
    message: str
    what_to_do: str
    source: str  # what raised it: "mentee"/"mentor" pulse, "pulses", "fit", "checkins"

    @property
    def title(self) -> str:
        return FLAG_TITLES[self.kind]


def pair_flags(
    history: PairHistory, today: dt.date, rules: FlagRules = FlagRules()
) -> list[PairFlag]:
    """The flags of one mentee's pairing on ``today``, in a fixed order of kinds."""
    pulses = sorted(history.pulses, key=lambda r: r.day)
    flags = [f for side in Side if (f := _drop(pulses, side, rules)) is not None]
    flags += _disagreements(pulses, history.fit, rules, history.last_held or history.start)
    silent = _no_held(history, today, rules)
    if silent is not None:
        flags.append(silent)
    return flags


def _score(reading: PulseReading, side: Side) -> int | None:
    return reading.mentee if side == Side.MENTEE else reading.mentor


def _drop(pulses: Sequence[PulseReading], side: Side, rules: FlagRules) -> PairFlag | None:
    scored = [(r.day, s) for r in pulses if (s := _score(r, side)) is not None]
    if len(scored) < 2:
        return None
    (before_day, before), (day, now) = scored[-2], scored[-1]
    if before - now < rules.drop_points:
        return None
    who = "mentee" if side == Side.MENTEE else "mentor"
    message = (
        f"The {who}'s pulse fell from {before} to {now} between {day_words(before_day)} "
        f"and {day_words(day)}."
    )
    todo = (
        "Talk to the mentee privately within a week: ask what changed (work, visa, family, "
        "the pairing) and agree one next step."
        if side == Side.MENTEE
        else "Ask the mentor what changed and whether they still have the time; offer support "
        "or a co-mentor."
    )
    return PairFlag(FlagKind.PULSE_DROP, day, message, todo, side.value)


def _disagreements(
    pulses: Sequence[PulseReading], fit: FitAnswers, rules: FlagRules, fallback: dt.date
) -> list[PairFlag]:
    flags: list[PairFlag] = []
    both = [r for r in pulses if r.mentee is not None and r.mentor is not None]
    if both:
        latest = both[-1]
        assert latest.mentee is not None and latest.mentor is not None
        if abs(latest.mentee - latest.mentor) >= rules.disagreement_points:
            flags.append(
                PairFlag(
                    FlagKind.DISAGREEMENT,
                    latest.day,
                    f"At the check-in on {day_words(latest.day)} the mentee gave "
                    f"{latest.mentee} and the mentor {latest.mentor}.",
                    "Meet each side separately; they see the mentoring differently. Agree what "
                    "the next check-in should cover.",
                    "pulses",
                )
            )
    answers = {fit.mentee, fit.mentor}
    if None not in answers and len(answers) > 1 and FitAnswer.NO in answers:
        flags.append(
            PairFlag(
                FlagKind.DISAGREEMENT,
                fit.day or fallback,
                f"Asked whether this is a good fit, the mentee said "
                f"“{fit_words(fit.mentee)}” and the mentor “{fit_words(fit.mentor)}”.",
                "Speak with the one who said no, alone, and consider another mentor.",
                "fit",
            )
        )
    return flags


def _no_held(history: PairHistory, today: dt.date, rules: FlagRules) -> PairFlag | None:
    if not history.active:
        return None
    since = history.last_held or history.start
    days = (today - since).days
    if days < rules.days_without_held:
        return None
    if history.unheld_due == 0 and history.next_planned is not None:
        return None  # between scheduled check-ins, none missed: nothing to chase yet
    if history.last_held is None:
        message = f"No check-in has been held since the start on {day_words(since)} ({days} days)."
    else:
        message = f"No check-in has been held for {days} days (the last on {day_words(since)})."
    if history.unheld_due:
        s = "s" if history.unheld_due != 1 else ""
        message += f" {history.unheld_due} check-in{s} planned since then did not take place."
    return PairFlag(
        FlagKind.NO_HELD_CHECKIN,
        since,
        message,
        "Plan a check-in within the next two weeks and ask the mentor what is in the way.",
        "checkins",
    )


def median(values: Sequence[int]) -> float | None:
    """The median of ``values``, or None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[mid])
    return (ordered[mid - 1] + ordered[mid]) / 2
