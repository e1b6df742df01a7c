"""The event-date index holds exactly the deadline engine's dates, whatever wrote the credential.

Every test compares the stored rows with the engine run afresh over every credential, after
the writes a director makes (add, edit, delete through the service), a new rules version, a
program opened with no stamp or an old engine's stamp, and an upgrade from schema 0008.
"""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest
from sqlalchemy import delete, select, update

from bridgedesk.bootstrap import open_program
from bridgedesk.domain.deadline_engine import ENGINE_VERSION, CredentialFacts, dated_events
from bridgedesk.services.credentials.event_dates import (
    STAMP_KEY,
    refresh,
    refresh_if_stale,
    stamp,
)
from bridgedesk.services.credentials.field_values import read_values
from bridgedesk.services.credentials.rule_versions import save_rules
from bridgedesk.services.credentials.rules import (
    default_rules,
    default_rules_text,
    rules_in_force,
)
from bridgedesk.services.credentials.service import CredentialFields, CredentialService
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.storage import migrate
from bridgedesk.storage.models import Credential, CredentialEventDate, CredentialKind, Setting

TODAY = dt.date(2026, 3, 12)
Row = tuple[int, str, str, dt.date, bool, bool]


def stored(ctx) -> set[Row]:
    with ctx.read() as s:
        return {
            (r.credential_id, r.key, r.event, r.event_on, r.satisfied, r.no_work)
            for r in s.scalars(select(CredentialEventDate))
        }


def recomputed(ctx) -> set[Row]:
    """The engine over every credential, as the index should hold it."""
    with ctx.read() as s:
        rules = rules_in_force(s)
        found: set[Row] = set()
        for cid, code, issued, expires, values in s.execute(
            select(Credential.id, CredentialKind.code, Credential.issued_on,
                   Credential.expires_on, Credential.field_values)
            .join(CredentialKind, CredentialKind.id == Credential.kind_id)
        ):  # fmt: skip
            facts = CredentialFacts(issued, expires, read_values(values))
            found |= {
                (cid, e.key, e.event, e.on, e.satisfied, e.no_work)
                for e in dated_events(facts, rules[code])
            }
        return found


def a_mentee(ctx) -> int:
    return RosterService(ctx, clock=lambda: TODAY).create(
        MenteeFields(given_names="Selam", family_name="Tesfaye", start_date=dt.date(2025, 7, 1))
    )


def test_the_index_follows_each_add_edit_and_delete(ctx):
    mentee = a_mentee(ctx)
    svc = CredentialService(ctx)
    h1b = svc.add(mentee, CredentialFields("h1b", issued_on=dt.date(2025, 7, 1),
                                           expires_on=dt.date(2028, 6, 30),
                                           values={"first_start": "2021-01-04"}))  # fmt: skip
    conrad = svc.add(mentee, CredentialFields("conrad30", issued_on=dt.date(2025, 5, 1),
                                              values={"obligation_years": 3}))  # fmt: skip
    svc.add(mentee, CredentialFields("npi", expires_on=TODAY))
    assert stored(ctx) == recomputed(ctx)
    limit = {(r[1], r[3]) for r in stored(ctx) if r[0] == h1b and r[2] == "limit"}
    assert limit == {("six_year_limit", dt.date(2027, 1, 4))}, limit

    view = svc.get(h1b)  # the six years counted from a later first start
    edited = CredentialFields(**{**view.fields.__dict__, "values": {"first_start": "2022-03-01"}})
    svc.update(h1b, edited, view.version)
    assert stored(ctx) == recomputed(ctx)
    assert (h1b, "six_year_limit", "limit", dt.date(2028, 3, 1), False, False) in stored(ctx)

    view = svc.get(conrad)  # the work started: the start-by deadline is met
    values = {**view.fields.values, "work_start": "2025-07-15"}
    svc.update(conrad, CredentialFields(**{**view.fields.__dict__, "values": values}),
               view.version)  # fmt: skip
    assert stored(ctx) == recomputed(ctx)
    conrad_rows = {r[1]: r for r in stored(ctx) if r[0] == conrad}
    assert any(r[2] == "starts_by" and r[4] for r in conrad_rows.values()), conrad_rows
    assert any(r[2] == "obligation_ends" and r[3] == dt.date(2028, 7, 15)
               for r in conrad_rows.values()), conrad_rows  # fmt: skip

    svc.delete(h1b)
    assert not any(r[0] == h1b for r in stored(ctx))
    assert stored(ctx) == recomputed(ctx)


def test_a_new_rules_version_redoes_every_credential(ctx):
    mentee = a_mentee(ctx)
    h1b = CredentialService(ctx).add(mentee, CredentialFields(
        "h1b", expires_on=dt.date(2028, 6, 30), values={"first_start": "2021-01-04"}))  # fmt: skip
    kinds = json.loads(default_rules_text())
    for kind in kinds["kinds"] if isinstance(kinds, dict) else kinds:
        for rule in kind.get("derived", []):
            if rule["key"] == "six_year_limit":
                rule["years"] = 5  # a program that reads its limit differently
    save_rules(ctx, json.dumps(kinds))
    assert (h1b, "six_year_limit", "limit", dt.date(2026, 1, 4), False, False) in stored(ctx)
    assert stored(ctx) == recomputed(ctx)
    with ctx.read() as s:
        assert s.get(Setting, STAMP_KEY).value == stamp(s)
        assert stamp(s).endswith("saved-1")


def test_opening_a_program_refills_an_index_without_the_right_stamp(data_paths):
    ctx = open_program(data_paths, actor="tester")
    mentee = a_mentee(ctx)
    CredentialService(ctx).add(mentee, CredentialFields(
        "h1b", expires_on=dt.date(2028, 6, 30), values={"first_start": "2021-01-04"}))  # fmt: skip
    expected = recomputed(ctx)
    assert stored(ctx) == expected and expected
    for spoil in ("no stamp", "an older engine's stamp"):
        with ctx.unit_of_work() as s:
            s.execute(delete(CredentialEventDate))
            if spoil == "no stamp":
                s.execute(delete(Setting).where(Setting.key == STAMP_KEY))
            else:
                s.execute(
                    update(Setting).where(Setting.key == STAMP_KEY).values(value="engine-0:x")
                )
        ctx.db.dispose()
        ctx = open_program(data_paths, actor="tester")
        assert stored(ctx) == expected, spoil
    ctx.db.dispose()


def test_upgrading_from_schema_0008_fills_the_index(data_paths):
    ctx = open_program(data_paths, actor="tester")
    mentee = a_mentee(ctx)
    svc = CredentialService(ctx)
    for code, values in (("h1b", {"first_start": "2021-01-04"}), ("dea", {})):
        svc.add(mentee, CredentialFields(code, expires_on=dt.date(2027, 5, 31), values=values))
    expected = recomputed(ctx)
    migrate.downgrade(ctx.db.engine, "0008")
    ctx.db.dispose()
    ctx = open_program(data_paths, actor="tester")
    try:
        assert migrate.current_revision(ctx.db.engine) == migrate.head_revision()
        assert stored(ctx) == expected and len(expected) >= 3
    finally:
        ctx.db.dispose()


@pytest.mark.parametrize("ctx", ["postgresql"], indirect=True)  # SQLite has one writer at once
def test_a_credential_saved_during_another_users_rules_refresh_waits_and_both_hold(ctx):
    """On a shared server one user's rules save (a full refresh, not yet committed) and another
    user's credential edit both rewrite the same rows: the second waits for the first."""
    mentee = a_mentee(ctx)
    svc = CredentialService(ctx)
    npi = svc.add(mentee, CredentialFields("npi", expires_on=TODAY))
    other = ctx.db.sessions()
    other.begin()
    refresh(other)  # the rules save's refresh, in the other user's open transaction
    failures: list[str] = []

    def edit() -> None:
        try:
            view = svc.get(npi)
            moved = CredentialFields(**{**view.fields.__dict__, "expires_on": dt.date(2027, 1, 4)})
            svc.update(npi, moved, view.version)
        except Exception as exc:  # noqa: BLE001 - the test reports whatever went wrong
            failures.append(repr(exc))

    editing = threading.Thread(target=edit)
    editing.start()
    editing.join(timeout=1.5)
    assert editing.is_alive()  # waiting for the other transaction, not failing
    other.commit()
    other.close()
    editing.join(timeout=30)
    assert failures == []
    assert (npi, "expires_on", "due", dt.date(2027, 1, 4), False, False) in stored(ctx)
    assert stored(ctx) == recomputed(ctx)


@pytest.mark.parametrize("ctx", ["postgresql"], indirect=True)
def test_two_programs_opening_after_an_upgrade_refresh_once(ctx):
    mentee = a_mentee(ctx)
    CredentialService(ctx).add(mentee, CredentialFields("npi", expires_on=TODAY))
    with ctx.unit_of_work() as s:  # as after an upgrade of the shipped rules
        s.execute(delete(Setting).where(Setting.key == STAMP_KEY))
    first = ctx.db.sessions()
    first.begin()
    assert refresh_if_stale(first)
    answers: list[bool | str] = []

    def open_second() -> None:
        try:
            with ctx.unit_of_work() as s:
                answers.append(refresh_if_stale(s))
        except Exception as exc:  # noqa: BLE001
            answers.append(repr(exc))

    second = threading.Thread(target=open_second)
    second.start()
    second.join(timeout=1.5)
    assert second.is_alive()
    first.commit()
    first.close()
    second.join(timeout=30)
    assert answers == [False]  # it waited, found the fresh stamp and did nothing
    assert stored(ctx) == recomputed(ctx)


def test_the_engine_version_says_how_the_stored_dates_were_computed():
    """Stored dates are redone at the next start only when ENGINE_VERSION (or the rules) change.
    These dates follow from the shipped rules' sources; if the engine computes any of them
    differently, bump ENGINE_VERSION with the change and update this list."""
    rules = default_rules()
    d = dt.date.fromisoformat
    cases = {
        "h1b": CredentialFacts(d("2025-07-01"), d("2028-06-30"), {"first_start": "2021-01-04"}),
        "conrad30": CredentialFacts(d("2025-05-01"), None,
                                    {"work_start": "2025-07-15", "obligation_years": 3}),
        "j1_visa": CredentialFacts(d("2023-07-01"), d("2026-06-30"), {}),
        "dea": CredentialFacts(None, d("2027-05-31"), {}),
    }  # fmt: skip
    got = {
        code: [(e.key, e.event, e.on.isoformat(), e.satisfied)
               for e in dated_events(facts, rules[code])]
        for code, facts in cases.items()
    }  # fmt: skip
    assert ENGINE_VERSION == 1
    assert got == {
        "h1b": [("six_year_limit", "limit", "2027-01-04", False),  # six years from first start
                ("extension_window", "window_opens", "2027-12-30", False),  # 6 months before
                ("expires_on", "due", "2028-06-30", False)],
        "conrad30": [("start_by", "starts_by", "2025-07-30", True),  # 90 days; work started
                     ("obligation_end", "obligation_ends", "2028-07-15", False)],  # + 3 years
        "j1_visa": [("expires_on", "due", "2026-06-30", False),
                    ("grace_end", "grace_ends", "2026-07-30", False)],  # 30 days' grace
        "dea": [("renewal_window", "window_opens", "2027-04-01", False),
                ("expires_on", "due", "2027-05-31", False)],
    }  # fmt: skip
