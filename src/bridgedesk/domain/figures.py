"""The registry of named figures: each count the app shows, its label and its definition.

Pure data (no database, no clock), so the window's first view can show a figure's words
without loading the metrics package; ``services/metrics/figures.py`` re-exports it. Every surface that shows a figure (the dashboard tiles and lists, the status bar, the roster
footer, the Mentors view, the reports) takes its label from here and shows the definition as
the tooltip; the program report prints the definitions on its definitions page. The numbers
themselves are computed once, in :mod:`bridgedesk.services.metrics.program_figures` (today's
counts) and :func:`bridgedesk.services.metrics.compute_program_metrics` (a period's measures).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class FigureDefinition:
    key: str
    label: str  # what the figure is called on every surface
    definition: str  # plain English: the tooltip on screen, the report's definitions page


# Keys, so callers name a figure without spelling its label.
MENTEES_ON_ROSTER = "mentees_on_roster"
ACTIVE_MENTEES = "active_mentees"
IN_PROGRAM = "in_program"
FOLLOWED_FOR_RETENTION = "followed_for_retention"
ACTIVE_MENTORS = "active_mentors"
MENTOR_LOAD = "mentor_load"
MENTORS_OVER_CAPACITY = "mentors_over_capacity"
MENTEES_PER_MENTOR = "mentees_per_mentor"
WITHOUT_PRIMARY_MENTOR = "without_primary_mentor"
CHECKINS_OVERDUE = "checkins_overdue"
MILESTONES_OVERDUE_NOW = "milestones_overdue_now"
CHECKINS_ON_TIME = "checkins_on_time"
MILESTONES_OVERDUE = "milestones_overdue"
CREDENTIALS_TRACKED = "credentials_tracked"
CREDENTIALS_LAPSED = "credentials_lapsed"
CREDENTIALS_DUE_30 = "credentials_due_30"
CREDENTIAL_DEADLINES_30 = "credential_deadlines_30"
CHECKLISTS_UNASSESSED = "checklists_unassessed"
DUE_THIS_WEEK = "due_this_week"
RETENTION_12 = "retention_12"
# The program report's period figures (labels as its tables print them).
CHECKINS_DUE = "checkins_due"
CHECKINS_HELD = "checkins_held"
CHECKINS_HELD_WITHIN = "checkins_held_within"
CHECKINS_MISSED = "checkins_missed"
CHECKINS_NOT_RECORDED = "checkins_not_recorded"
CHECKINS_RESCHEDULED = "checkins_rescheduled"
CHECKINS_MEDIAN_GAP = "checkins_median_gap"
MILESTONES_DUE = "milestones_due"
MILESTONES_ON_TIME = "milestones_on_time"
MILESTONES_LATE = "milestones_late"
MILESTONES_OVERDUE_IN_PERIOD = "milestones_overdue_in_period"
MILESTONES_DUE_TODAY_OPEN = "milestones_due_today_open"
DEADLINES_LAPSED = "deadlines_lapsed"
DEADLINES_WITHIN = "deadlines_within"
LEFT_EARLY = "left_early"
COMPLETED_PROGRAM = "completed_program"
WAIVERS_COMPLETED = "waivers_completed"
INSIGHTS_RAISED = "insights_raised"
LED_TO_CHANGE = "led_to_change"
FLUENCY_PROFICIENT = "fluency_proficient"
RETENTION_MONTHS = "retention_months"
BREAKDOWNS = "breakdowns"
NEEDS_ATTENTION = "needs_attention"

ON_TIME_DAYS = 14
"""A check-in held no more than this many days after its planned date is on time."""

LOAD_RULE = (
    "A mentor's load counts their open primary assignments of active mentees (an assignment "
    "is open while it has no end date or ends after today); peer, cultural and specialty "
    "mentoring is not counted."
)

_FIGURES = (
    FigureDefinition(
        MENTEES_ON_ROSTER,
        "Mentees on the roster",
        "Every mentee record, whatever its status: active, completed or left.",
    ),
    FigureDefinition(
        ACTIVE_MENTEES,
        "Active mentees",
        "Mentees whose status is Active today, including those whose start date is still "
        "ahead. Mentees who completed the program or left are not counted.",
    ),
    FigureDefinition(
        IN_PROGRAM,
        "Mentees in the program",
        "Mentees in the program at any time during the period: started on or before its "
        "last day and did not complete or leave before its first day.",
    ),
    FigureDefinition(
        FOLLOWED_FOR_RETENTION,
        "Mentees followed for retention",
        "Every mentee who had started by the report day, whatever the status; each is "
        "followed from the start date until leaving, completing or the report day "
        "(Kaplan-Meier).",
    ),
    FigureDefinition(ACTIVE_MENTORS, "Active mentors", "Mentors who have not been retired."),
    FigureDefinition(
        MENTOR_LOAD,
        "Mentor load",
        LOAD_RULE + " The load is shown against the capacity the mentor agreed to.",
    ),  # fmt: skip
    FigureDefinition(
        MENTORS_OVER_CAPACITY,
        "Mentors over capacity",
        "Active mentors whose load is more than their capacity. " + LOAD_RULE,
    ),
    FigureDefinition(
        MENTEES_PER_MENTOR,
        "Mentees per mentor",
        "Active mentees with an open primary mentor, divided by the number of active "
        "mentors (an average, not a share).",
    ),
    FigureDefinition(
        WITHOUT_PRIMARY_MENTOR,
        "Active mentees without a primary mentor",
        "Active mentees with no open primary assignment: none was made, or every one has ended.",
    ),
    FigureDefinition(
        CHECKINS_OVERDUE,
        "Overdue check-ins",
        "Planned check-ins of active mentees whose date has passed and that are not yet "
        "recorded as held, missed, rescheduled or cancelled, however long ago.",
    ),
    FigureDefinition(
        MILESTONES_OVERDUE_NOW,
        "Overdue milestones",
        "Milestones of active mentees whose due date has passed and that are neither "
        "completed nor cancelled, however long ago.",
    ),
    FigureDefinition(
        CHECKINS_ON_TIME,
        "Check-ins held on time",
        f"Check-ins held within {ON_TIME_DAYS} days of the planned date, over the check-ins "
        "held that were planned in the period.",
    ),
    FigureDefinition(
        MILESTONES_OVERDUE,
        "Milestones overdue (of those due in the period)",
        "Milestones due in the period, not completed and now past their due date, over the "
        "milestones due in the period (mentees in the program then).",
    ),
    FigureDefinition(
        CREDENTIALS_TRACKED,
        "Dated credentials tracked",
        "Open credentials, visas, waivers and licences of active mentees that have a dated "
        "next event.",
    ),
    FigureDefinition(
        CREDENTIALS_LAPSED,
        "Lapsed credentials",
        "Open credentials of active mentees whose date that must not pass (an expiry, a "
        "start-by date or a limit) has passed. The same rows as the Deadlines view.",
    ),
    FigureDefinition(
        CREDENTIALS_DUE_30,
        "Credentials due within 30 days",
        "Open credentials of active mentees whose next event falls today or in the next 30 "
        "days; lapsed ones are counted apart.",
    ),
    FigureDefinition(
        CREDENTIAL_DEADLINES_30,
        "Credential deadlines within 30 days",
        "Lapsed credentials and credentials due within 30 days, together: the Deadlines "
        "view's 'Lapsed or within 30 days'.",
    ),
    FigureDefinition(
        CHECKLISTS_UNASSESSED,
        "Checklists not assessed in 6 months",
        "Active mentees with at least one item of the current checklist that nobody has "
        "assessed in the last 6 months.",
    ),
    FigureDefinition(
        DUE_THIS_WEEK,
        "Due this week",
        "Planned check-ins, open milestones and credential deadlines of active mentees "
        "dated today or in the next six days.",
    ),
    FigureDefinition(
        RETENTION_12,
        "Still in post at 12 months",
        "Kaplan-Meier estimate of the share of mentees still in post 12 months after their "
        "start; n is how many were followed that long.",
    ),
    FigureDefinition(
        NEEDS_ATTENTION,
        "Needs attention",
        "The Dashboard's \u201cNeeds attention\u201d list on the day printed, counted per kind "
        "(rows the director snoozed or dismissed are left out): for each kind, the items "
        "the rows stand for (each overdue check-in or milestone counted) and the mentees "
        "they name.",
    ),
    FigureDefinition(
        BREAKDOWNS,
        "Breakdowns (phase, site, specialty, country of training, visa or waiver)",
        "Mentees in the program in the period, counted once each under the value recorded "
        "on their record; the phase is the one they were in at the period's close, or on "
        "leaving. Each share is of the mentees in the program.",
    ),
    FigureDefinition(
        CHECKINS_DUE,
        "Check-ins due",
        "Check-ins planned in the period up to today of mentees in the program then; "
        "rescheduled and cancelled ones are not due.",
    ),
    FigureDefinition(
        CHECKINS_HELD,
        "Check-ins held",
        "Check-ins due in the period that were held, over check-ins due.",
    ),
    FigureDefinition(
        CHECKINS_HELD_WITHIN,
        f"Held within {ON_TIME_DAYS} days of the planned date",
        f"Check-ins held no more than {ON_TIME_DAYS} days after the planned date, over "
        "check-ins held.",
    ),
    FigureDefinition(
        CHECKINS_MISSED,
        "Check-ins missed",
        "Check-ins due in the period recorded as missed, over check-ins due.",
    ),
    FigureDefinition(
        CHECKINS_NOT_RECORDED,
        "Check-ins overdue (not yet recorded)",
        "Check-ins due in the period whose date has passed with nothing recorded yet, over "
        "check-ins due.",
    ),
    FigureDefinition(
        CHECKINS_RESCHEDULED,
        "Check-ins rescheduled",
        "Check-ins planned in the period that were moved to another date, over every "
        "check-in planned in the period up to today.",
    ),
    FigureDefinition(
        CHECKINS_MEDIAN_GAP,
        "Median days between held check-ins",
        "The median gap between consecutive held check-ins of the same mentee, both held in "
        "the period; n is the number of gaps.",
    ),
    FigureDefinition(
        MILESTONES_DUE,
        "Milestones due",
        "Milestones due in the period up to today of mentees in the program then, not "
        "counting those cancelled when a mentee left.",
    ),
    FigureDefinition(
        MILESTONES_ON_TIME,
        "Completed on time",
        "Milestones due in the period completed on or before the due date, over milestones due.",
    ),
    FigureDefinition(
        MILESTONES_LATE,
        "Completed late",
        "Milestones due in the period completed after the due date, over milestones due.",
    ),
    FigureDefinition(
        MILESTONES_OVERDUE_IN_PERIOD,
        "Overdue",
        "Milestones due in the period, not completed and past their due date, over milestones due.",
    ),
    FigureDefinition(
        MILESTONES_DUE_TODAY_OPEN,
        "Due today, open",
        "Milestones due today and not completed yet, over milestones due.",
    ),
    FigureDefinition(
        DEADLINES_LAPSED,
        "Lapsed",
        "Tracked credentials whose date that must not pass (an expiry, a start-by date or a "
        "limit) has passed, counted today, over credentials tracked.",
    ),
    FigureDefinition(
        DEADLINES_WITHIN,
        "Falling due in the next 30 days",
        "Tracked credentials whose next event falls in the next 30 days (90, 180 days "
        "likewise, each including the shorter window), counted today; lapsed ones are "
        "counted apart.",
    ),
    FigureDefinition(
        LEFT_EARLY,
        "Left the program early",
        "Mentees whose status is Left with an exit date in the period, over mentees in the "
        "program in the period. Completing the program is not leaving.",
    ),
    FigureDefinition(
        COMPLETED_PROGRAM,
        "Completed the program",
        "Mentees who completed the program with a date in the period, over mentees in the "
        "program in the period.",
    ),
    FigureDefinition(
        WAIVERS_COMPLETED,
        "Waiver obligations completed",
        "Waivers (Conrad 30 and the other waivers with a service obligation) whose "
        "obligation end date had passed by the day counted, and of those, how many "
        "physicians served to that date. Waivers still running are not in the denominator.",
    ),
    FigureDefinition(
        INSIGHTS_RAISED,
        "Insights raised",
        "Insights mentees raised in the period (the two-way learning log).",
    ),
    FigureDefinition(
        LED_TO_CHANGE,
        "Led to a change",
        "Insights raised in the period that are marked acted on or closed with a recorded "
        "change in practice, over insights raised.",
    ),
    FigureDefinition(
        FLUENCY_PROFICIENT,
        "Cultural-fluency items proficient",
        "Items rated Proficient or above, over items rated, at each mentee's first "
        "assessment ever and at the latest up to the day counted, per domain and per "
        "observer (mentor, self): a self-rating never counts toward the mentor's figure.",
    ),
    FigureDefinition(
        RETENTION_MONTHS,
        "Still in post at 12, 24 and 36 months (program and comparison)",
        "Kaplan-Meier estimate of the share still in post that many months after their "
        "start, counted as of the day shown. A physician who left is an exit on the day "
        "they left; one still in post or who completed the program is censored on the day "
        "counted or on completing. The 95% confidence interval uses Greenwood's variance on "
        "the log(-log) scale; n is how many were still followed at that month.",
    ),
)

FIGURES: dict[str, FigureDefinition] = {f.key: f for f in _FIGURES}


def figure(key: str) -> FigureDefinition:
    """The figure registered under ``key`` (KeyError for an unknown key: a programming error)."""
    return FIGURES[key]


def label(key: str) -> str:
    return FIGURES[key].label


def definition(key: str) -> str:
    return FIGURES[key].definition


def all_figures() -> tuple[FigureDefinition, ...]:
    """Every figure in a stable order (the report's definitions page prints them so)."""
    return _FIGURES


def by_label(text: str) -> FigureDefinition | None:
    """The figure printed under ``text`` (a Measure's label), or None for an unnamed one."""
    return _BY_LABEL.get(text)


_BY_LABEL = {f.label: f for f in _FIGURES}


def last_twelve_months(today: dt.date) -> tuple[dt.date, dt.date]:
    """The default period of every surface (dashboard, reports, CLI): the 12 months up to and
    including ``today``, so the dashboard and a default report count the same days."""
    try:
        year_ago = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        year_ago = today.replace(year=today.year - 1, day=28)
    return year_ago + dt.timedelta(days=1), today
