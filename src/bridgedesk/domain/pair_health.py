"""Pair health vocabularies and input rules: the fit question, the 1-10 pulse, the adjustment
surveys at 0, 6 and 12 months (pure: no database, no clock).
"""

from __future__ import annotations

import calendar
import datetime as dt
from enum import StrEnum

PULSE_MIN, PULSE_MAX = 1, 10
COMMENT_MAX = 2_000
SURVEY_MONTHS = (0, 6, 12)
SCALE_MIN, SCALE_MAX = 1, 5
SCALE_LABELS = {
    1: "Strongly disagree",
    2: "Disagree",
    3: "Neither",
    4: "Agree",
    5: "Strongly agree",
}
FIT_QUESTION = "Is this a good fit?"
PULSE_QUESTION = "How is the mentoring going this month, from 1 (badly) to 10 (very well)?"
ITEM_TEXT_MAX = 160
THEME_MAX = 60
ITEMS_MAX = 12  # with ITEM_TEXT_MAX, the printed survey stays on one page


class FitAnswer(StrEnum):
    YES = "yes"
    NOT_SURE = "not_sure"
    NO = "no"


class Side(StrEnum):
    MENTEE = "mentee"
    MENTOR = "mentor"


def fit_words(answer: FitAnswer | str | None) -> str:
    """ "Yes", "Not sure", "No", or "not answered"."""
    if answer is None or answer == "":
        return "not answered"
    return {"yes": "Yes", "not_sure": "Not sure", "no": "No"}[FitAnswer(answer).value]


def day_words(day: dt.date) -> str:
    """ "3 Mar 2026": unambiguous in every country the mentees come from."""
    return f"{day.day} {day.strftime('%b')} {day.year}"


def check_pulse(label: str, value: int | None) -> str | None:
    """A problem with a pulse (empty is fine), or None."""
    if value is None:
        return None
    if not PULSE_MIN <= value <= PULSE_MAX:
        return f"The {label} pulse must be a whole number from {PULSE_MIN} to {PULSE_MAX}."
    return None


def check_comment(label: str, text: str) -> str | None:
    if len(text) > COMMENT_MAX:
        return (
            f"The {label} is too long: {len(text):,} characters, "
            f"at most {COMMENT_MAX:,} are allowed."
        )
    return None


def check_fit(label: str, answer: str | None) -> str | None:
    if answer is None or answer == "":
        return None
    try:
        FitAnswer(answer)
    except ValueError:
        return f"The {label} answer must be yes, not sure or no."
    return None


def check_scale(item: str, value: int | None) -> str | None:
    if value is None:
        return None
    if not SCALE_MIN <= value <= SCALE_MAX:
        return f"The answer to “{item}” must be from {SCALE_MIN} to {SCALE_MAX}."
    return None


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months; the 31st becomes the last day of a shorter month."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def survey_due(start: dt.date, month: int) -> dt.date:
    """When the ``month``-month adjustment survey is due for a mentee who started on ``start``."""
    return add_months(start, month)


def survey_title(month: int) -> str:
    return (
        "Adjustment survey at the start" if month == 0 else f"Adjustment survey at {month} months"
    )


def survey_short(month: int) -> str:
    """ "At the start", "At 6 months": the survey's name where the context says which survey."""
    return "At the start" if month == 0 else f"At {month} months"
