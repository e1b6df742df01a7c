"""Kaplan-Meier survival estimate: the share still in post over time when start dates differ.

Pure: takes (duration in days, whether the exit happened) pairs. A physician still employed, or
who completed the program, is *censored* at the last day we know about, not counted as an exit.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class SurvivalStep:
    """The estimate just after ``time``: ``at_risk`` were followed up to it, ``events`` exited."""

    time: int
    at_risk: int
    events: int
    censored: int
    survival: float


@dataclass(frozen=True)
class SurvivalCurve:
    n: int
    steps: tuple[SurvivalStep, ...]

    def survival_at(self, time: int) -> float:
        """S(t): the share expected still in post at ``time`` (1.0 before the first exit)."""
        value = 1.0
        for step in self.steps:
            if step.time > time:
                break
            value = step.survival
        return value

    def at_risk_at(self, time: int) -> int:
        """How many were still followed at ``time`` (the estimate's effective denominator)."""
        return _at_risk(self, time)


def _at_risk(curve: SurvivalCurve, time: int) -> int:
    remaining = curve.n
    for step in curve.steps:
        if step.time >= time:
            return remaining
        remaining -= step.events + step.censored
    return remaining


def kaplan_meier(observations: Iterable[tuple[int, bool]]) -> SurvivalCurve:
    """Product-limit estimate over (duration, event) pairs; ties: exits before censorings."""
    events: Counter[int] = Counter()
    censored: Counter[int] = Counter()
    n = 0
    for duration, event in observations:
        if duration < 0:
            raise ValueError(f"a duration cannot be negative ({duration})")
        (events if event else censored)[duration] += 1
        n += 1
    at_risk = n
    survival = 1.0
    steps = []
    for time in sorted(set(events) | set(censored)):
        d, c = events[time], censored[time]
        if d:
            survival *= 1.0 - d / at_risk
        steps.append(SurvivalStep(time, at_risk, d, c, survival))
        at_risk -= d + c
    return SurvivalCurve(n=n, steps=tuple(steps))


Z_95 = 1.959963984540054  # the 97.5th percentile of the standard normal


def greenwood_interval(curve: SurvivalCurve, time: int, z: float = Z_95) -> tuple[float, float]:
    """The 95% confidence interval of S(time): Greenwood's variance on the log(-log) scale.

    Greenwood: Var(log S) = sum over exit times t_i <= time of d_i / (n_i (n_i - d_i)).
    The log(-log) transform keeps the interval inside 0..1 (the default of common survival
    packages). Where S is 1 (no exit yet) or 0 (everyone followed has left) the interval is
    the point itself: nothing is left to estimate.
    """
    survival = curve.survival_at(time)
    if survival <= 0.0 or survival >= 1.0:
        return survival, survival
    variance = 0.0
    for step in curve.steps:
        if step.time > time:
            break
        if step.events and step.at_risk > step.events:
            variance += step.events / (step.at_risk * (step.at_risk - step.events))
    log_s = math.log(survival)
    spread = z * math.sqrt(variance) / abs(log_s)
    return survival ** math.exp(spread), survival ** math.exp(-spread)
