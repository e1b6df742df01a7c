"""The deadline rules, checked against the dates the rules themselves give (domain/pathways.md)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from bridgedesk.domain.deadline_engine import (
    CredentialFacts,
    dated_events,
    reached_reminders,
    reminders,
    shift,
    standing,
)
from bridgedesk.domain.deadline_rules import RuleError, by_code, parse_kind, parse_kinds

RULES_FILE = (
    Path(__file__).resolve().parents[2] / "resources" / "defaults" / "credential_kinds.json"
)
KINDS = by_code(parse_kinds(json.loads(RULES_FILE.read_text(encoding="utf-8"))))
D = dt.date


def _dates(code: str, facts: CredentialFacts) -> dict[str, dt.date]:
    return {e.key: e.on for e in dated_events(facts, KINDS[code])}


def test_conrad_start_by_and_obligation_end():
    approved = CredentialFacts(issued_on=D(2026, 3, 2), values={"obligation_years": "3"})
    assert _dates("conrad30", approved) == {"start_by": D(2026, 5, 31)}
    started = CredentialFacts(
        issued_on=D(2026, 3, 2), values={"work_start": "2026-05-18", "obligation_years": "4"}
    )
    events = {e.key: e for e in dated_events(started, KINDS["conrad30"])}
    assert events["obligation_end"].on == D(2030, 5, 18)
    assert events["start_by"].satisfied  # the work started: nothing left to do for it
    three = CredentialFacts(issued_on=D(2026, 3, 2), values={"work_start": "2026-05-18",
                                                             "obligation_years": "3"})  # fmt: skip
    assert _dates("conrad30", three)["obligation_end"] == D(2029, 5, 18)


def test_a_conrad_waiver_with_only_an_approval_date_is_watched():
    approved = CredentialFacts(issued_on=D(2026, 3, 2), values={"obligation_years": "3"})
    now = standing(approved, KINDS["conrad30"], D(2026, 4, 1))
    assert now.event is not None and now.event.label == "Work must start by"
    assert (now.days_left, now.band) == (60, "60")
    assert standing(approved, KINDS["conrad30"], D(2026, 6, 1)).band == "lapsed"


def test_dea_reminders_and_renewal_window():
    dea = CredentialFacts(expires_on=D(2027, 1, 15))
    dated = dated_events(dea, KINDS["dea"])
    assert [(e.key, e.on) for e in dated] == [
        ("renewal_window", D(2026, 11, 16)),
        ("expires_on", D(2027, 1, 15)),
    ]
    assert [r.on for r in reminders(dated, KINDS["dea"].reminder_offsets)] == [
        D(2026, 7, 19), D(2026, 10, 17), D(2026, 11, 16), D(2026, 12, 16), D(2027, 1, 8),
    ]  # fmt: skip
    reached = reached_reminders(dea, KINDS["dea"], D(2026, 10, 20))
    assert [r.days_before for r in reached] == [180, 90]


def test_h1b_extension_window_and_six_year_limit():
    h1b = CredentialFacts(expires_on=D(2027, 6, 30), values={"first_start": "2024-10-01"})
    dates = _dates("h1b", h1b)
    assert dates["extension_window"] == D(2026, 12, 30)
    assert dates["six_year_limit"] == D(2030, 10, 1)


def test_j1_grace_period_allows_no_work():
    j1 = CredentialFacts(expires_on=D(2026, 6, 30))
    (grace,) = [e for e in dated_events(j1, KINDS["j1_visa"]) if e.key == "grace_end"]
    assert grace.on == D(2026, 7, 30) and grace.no_work
    during = standing(j1, KINDS["j1_visa"], D(2026, 7, 1))
    assert during.band == "lapsed" and not during.no_work  # lapsed from 07-01; grace still runs
    after = standing(j1, KINDS["j1_visa"], D(2026, 7, 30))
    assert after.no_work


def test_niw_five_of_six_years():
    niw = CredentialFacts(values={"service_start": "2024-02-29"})
    dates = _dates("niw", niw)
    assert dates == {"five_years": D(2029, 2, 28), "six_year_window": D(2030, 2, 28)}


@pytest.mark.parametrize(
    ("day", "months", "years", "expected"),
    [
        (D(2028, 2, 29), 0, 1, D(2029, 2, 28)),
        (D(2028, 2, 29), 0, 4, D(2032, 2, 29)),
        (D(2026, 8, 31), -6, 0, D(2026, 2, 28)),
        (D(2027, 8, 29), -6, 0, D(2027, 2, 28)),
        (D(2028, 8, 29), -6, 0, D(2028, 2, 29)),
    ],
)
def test_leap_days_and_month_ends(day, months, years, expected):
    assert shift(day, months=months, years=years) == expected


def test_a_leap_day_expiry_reminds_on_the_right_days():
    dea = CredentialFacts(expires_on=D(2028, 2, 29))
    dated = dated_events(dea, KINDS["dea"])
    assert [r.on for r in reminders(dated, (60, 7))] == [D(2027, 12, 31), D(2028, 2, 22)]


def test_every_derived_date_names_its_source_and_a_rule_without_one_is_refused():
    for kind in KINDS.values():
        for rule in kind.derived:
            assert len(rule.source) > 10, (kind.code, rule.key)
    entry = {
        "code": "x", "name": "X", "tier": "government",
        "derived": [{"key": "d", "label": "D", "event": "due", "base": "expires_on", "days": 1}],
    }  # fmt: skip
    with pytest.raises(RuleError, match="kind x date d: 'source' must be a non-empty text"):
        parse_kind(entry)


def test_the_missing_kinds_are_there():
    for code in ("i94", "state_csr", "i9", "malpractice", "npi", "bls", "acls", "cme", "fppe",
                 "oppe", "hhs_waiver", "arc_waiver", "dra_waiver", "niw"):  # fmt: skip
        assert code in KINDS
    assert KINDS["h1b"].field("cap_exempt") is not None
    licence_state = KINDS["state_licence"].field("state")
    assert licence_state is not None and "TX" in licence_state.choices
    assert 180 in KINDS["dea"].reminder_offsets
