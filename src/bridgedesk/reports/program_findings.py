"""The program report's first page: what needs attention, then the key findings, in sentences.

Each sentence carries its figure, its denominator and its day or period, taken from the same
Measures the tables print (nothing is computed here but wording).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bridgedesk.domain.numbers import format_count
from bridgedesk.reports import script_runs
from bridgedesk.reports.figures import percent
from bridgedesk.reports.page import format_date, format_period
from bridgedesk.reports.styles import report_styles
from bridgedesk.services.attention.summary import KindCount
from bridgedesk.services.metrics import Measure, ProgramMetrics
from bridgedesk.services.metrics.deadlines import WINDOWS
from bridgedesk.services.metrics.fluency_summary import fluency_growth

HEADING = "Key findings"
ATTENTION = "Needs attention"


def plural(n: float | None, one: str, many: str = "") -> str:
    """ "1 check-in", "3 check-ins" (``many`` defaults to ``one`` + "s")."""
    count = int(n or 0)
    return f"{format_count(count)} {one if count == 1 else (many or one + 's')}"


def _share(value: float | None, denominator: int | None) -> str:
    return percent(value / denominator) if value is not None and denominator else "\u2014"


def attention_line(kind: KindCount) -> str:
    """ "Lapsed credentials: 3 (2 mentees)." for one kind of the Dashboard's list."""
    who = f" ({plural(kind.mentees, 'mentee')})" if kind.mentees else ""
    return f"{kind.label}: {format_count(kind.items)}{who}."


def attention_sentences(metrics: ProgramMetrics) -> list[str]:
    """The Dashboard's "Needs attention" list as of today, counted per kind
    (``services.attention.summary.attention_summary``: the one definition)."""
    if metrics.attention is None:
        return []
    if not metrics.attention:
        return ["Nothing needs attention: the Dashboard's list is empty."]
    return [attention_line(kind) for kind in metrics.attention]


def _estimate(m: Measure, who: str) -> str:
    """ "95.5% of mentees (95% CI 71.9–99.3%; 16 followed that long)"."""
    low, high = m.interval or (0.0, 0.0)
    ci = f"95% CI {low * 100:.1f}\u2013{percent(high)}; " if low != high else ""
    return f"{percent(m.value or 0)} of {who} ({ci}{m.denominator or 0} followed that long)"


def retention_sentence(metrics: ProgramMetrics) -> str:
    rt = metrics.retention
    program, comparison = rt.program[0], rt.comparison[0]
    as_of = format_date(program.as_of or metrics.period_end)
    if not rt.program_curve.n:
        return f"Retention over time: no mentee had started by {as_of}, so there is nothing to estimate."
    if program.value is None:
        return (
            "Retention over time: no mentee has been followed for 12 months yet, so 12-month "
            f"retention cannot be estimated (as of {as_of})."
        )
    text = (
        f"Retention over time: an estimated {_estimate(program, 'mentees')} were still in "
        f"post 12 months after starting (Kaplan-Meier estimate, as of {as_of})."
    )
    if comparison.value is not None:
        text += f" For physicians hired outside the program: {_estimate(comparison, 'them')}."
    elif not rt.comparison_curve.n:
        text += " No physicians hired outside the program are recorded for comparison."
    return text


def checkin_sentence(metrics: ProgramMetrics) -> str:
    ch = metrics.checkins
    if not ch.due.value:
        return "Check-in adherence: no check-in was due in the period."
    held, on_time = int(ch.held.value or 0), int(ch.on_time.value or 0)
    return (
        f"Check-in adherence: {held:,} of the {int(ch.due.value):,} check-ins due in the "
        f"period were held ({_share(ch.held.value, ch.held.denominator)}); {on_time:,} of "
        f"those {held:,} ({_share(ch.on_time.value, ch.on_time.denominator)}) within 14 days "
        f"of the planned date. {plural(ch.missed.value, 'check-in').capitalize()} "
        f"{'was' if ch.missed.value == 1 else 'were'} missed."
    )


def milestone_sentence(metrics: ProgramMetrics) -> str:
    ms = metrics.milestones
    if not ms.due.value:
        return "Milestones: none was due in the period."
    due = int(ms.due.value)
    return (
        f"Milestones: of the {due:,} milestones due in the period, "
        f"{int(ms.on_time.value or 0):,} ({_share(ms.on_time.value, due)}) were completed on "
        f"time and {int(ms.late.value or 0):,} ({_share(ms.late.value, due)}) late; "
        f"{int(ms.overdue.value or 0):,} ({_share(ms.overdue.value, due)}) "
        f"{'is' if ms.overdue.value == 1 else 'are'} overdue."
    )


def fluency_sentence(metrics: ProgramMetrics) -> str:
    growth = fluency_growth(metrics.cultural_fluency)
    own = fluency_growth(metrics.cultural_fluency, "self")
    if growth is None and own is None:
        return "Checklist growth: no cultural-fluency assessment is recorded yet."
    parts = []
    for who, g in (("mentors' ratings", growth), ("mentees' self-ratings", own)):
        if g is None:
            continue
        first, latest = g.first, g.latest
        parts.append(
            f"by {who}, from {_share(first.value, first.denominator)} of items at "
            f"mentees' first assessment ({int(first.value or 0):,} of "
            f"{int(first.denominator or 0):,}) to {_share(latest.value, latest.denominator)} "
            f"at their latest ({int(latest.value or 0):,} of {int(latest.denominator or 0):,})"
        )
    day = (growth or own).latest.as_of  # type: ignore[union-attr]
    return (
        "Checklist growth: the share of cultural-fluency items rated Proficient or above "
        f"went, {'; and '.join(parts)}; as of {format_date(day)}."
    )


def deadline_sentence(metrics: ProgramMetrics) -> str:
    dl = metrics.deadlines
    if not dl.tracked.value:
        return f"Deadlines: no dated credential is tracked as of {format_date(dl.tracked.as_of)}."
    counts = [(days, int(m.value or 0)) for days, m in zip(WINDOWS, dl.within, strict=True)]
    (days, first), rest = counts[0], counts[1:]
    tail = ", ".join(f"{n:,} in {d} days" for d, n in rest)
    return (
        f"Deadlines: of {plural(dl.tracked.value, 'dated credential')} tracked, {first:,} "
        f"fall{'s' if first == 1 else ''} due in the next {days} days"
        + (f" ({tail})" if tail else "")
        + f", as of {format_date(dl.tracked.as_of)}."
    )


def exits_sentence(metrics: ProgramMetrics) -> str:
    rt = metrics.retention
    left = int(rt.early_exits.value or 0)
    if not left:
        return "Early exits: no mentee left the program early in the period."
    reasons = "; ".join(f"{m.label} ({int(m.value or 0)})" for m in rt.exit_reasons if m.value)
    text = (
        f"Early exits: {left:,} of the {int(rt.early_exits.denominator or 0):,} mentees in the "
        f"program ({_share(left, rt.early_exits.denominator)}) left early in the period"
    )
    return text + (f". Reasons: {reasons}." if reasons else ".")


def waiver_sentence(metrics: ProgramMetrics) -> str:
    w = metrics.retention.waivers_completed
    as_of = format_date(w.as_of)
    if not w.denominator:
        return f"Waivers: no waiver obligation had reached its end date by {as_of}."
    return (
        f"Waivers: of the {w.denominator:,} waiver obligations that had reached their end "
        f"date by {as_of}, {int(w.value or 0):,} ({_share(w.value, w.denominator)}) were "
        "served in full."
    )


def learning_sentence(metrics: ProgramMetrics) -> str:
    lr = metrics.learning
    if not lr.raised.value:
        return "Two-way learning: no insight was recorded in the period."
    changed = int(lr.led_to_change.value or 0)
    return (
        f"Two-way learning: mentees raised {plural(lr.raised.value, 'insight')} in the period; "
        f"{changed:,} ({_share(changed, lr.led_to_change.denominator)}) led to a change at the "
        "hospital."
    )


def findings(metrics: ProgramMetrics) -> list[str]:
    """The key findings, in the order a board reads them."""
    return [
        retention_sentence(metrics),
        checkin_sentence(metrics),
        milestone_sentence(metrics),
        fluency_sentence(metrics),
        deadline_sentence(metrics),
        exits_sentence(metrics),
        waiver_sentence(metrics),
        learning_sentence(metrics),
    ]


def _bullets(lines: Sequence[str]) -> list[Any]:
    """One bulleted paragraph per sentence (sentences hold user strings: reason labels)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    body = report_styles().body
    base = ParagraphStyle(
        "FindingBullet", parent=body, leftIndent=12, bulletIndent=2, spaceAfter=4,
        bulletFontName=body.fontName,  # not reportlab's default Helvetica (not embedded)
    )  # fmt: skip
    return [
        Paragraph(script_runs.markup(line), script_runs.style_for(line, base), bulletText="\u2022")
        for line in lines
    ]


def findings_page(metrics: ProgramMetrics) -> list[Any]:
    """Flowables of the first page (the caller starts the next section on a new page)."""
    st = report_styles()
    p = script_runs.paragraph
    today = format_date(metrics.today)
    period = format_period(metrics.period_start, metrics.period_end)
    story: list[Any] = [p(f"{ATTENTION} (as of {today})", st.h1, bold=True)]
    story += _bullets(attention_sentences(metrics))
    story.append(p(HEADING, st.h1, bold=True))
    story.append(
        p(
            f"Figures about the period ({period}) count what happened in it; figures marked "
            "\u201cas of\u201d a day count the state on that day. Each share is printed with "
            "its count and denominator; the definitions are at the end of the report.",
            st.muted,
        )
    )
    story += _bullets(findings(metrics))
    return story
