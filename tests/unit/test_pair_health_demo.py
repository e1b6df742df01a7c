"""The demo shows pair health: pulses, fit answers and survey answers, with one pair flagged,
and it can be generated again over itself."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from bridgedesk.domain.pair_health_flags import FlagKind
from bridgedesk.services.demo import generate_demo
from bridgedesk.services.pair_health.flags import pair_health_flags
from bridgedesk.storage.models import CheckinPulse, FitCheck, SurveyResponse

TODAY = dt.date(2026, 12, 3)


def counts(ctx) -> tuple[int, ...]:
    with ctx.read() as s:
        return tuple(
            int(s.scalar(select(func.count()).select_from(model)) or 0)
            for model in (CheckinPulse, FitCheck, SurveyResponse)
        )


def test_the_demo_has_pulses_fit_answers_surveys_and_a_flagged_pair(ctx):
    generate_demo(ctx, TODAY, mentees=24, seed=1)
    pulses, fits, answers = counts(ctx)
    assert pulses > 50 and fits > 5 and answers > 10
    flags = pair_health_flags(ctx, TODAY)
    drops = [f for f in flags if f.kind == FlagKind.PULSE_DROP]
    assert len({f.mentee_id for f in drops}) == 1
    worried = drops[0].mentee_id
    both = {f.kind for f in flags if f.mentee_id == worried}
    assert FlagKind.DISAGREEMENT in both
    generate_demo(ctx, TODAY, mentees=6, seed=2, force=True)  # wipes the old rows first
    again = counts(ctx)
    assert 0 < again[0] < pulses
