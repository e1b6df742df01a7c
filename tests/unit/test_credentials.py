"""Credentials: reminder bands at their boundaries, overrides, deadline order, three tiers."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bridgedesk.domain.enums import CredentialStatus, MenteeStatus, Tier
from bridgedesk.domain.reminders import format_offsets, parse_offsets, reminder_band
from bridgedesk.errors import ConflictError, NotFoundError, ValidationError
from bridgedesk.services.credentials.service import CredentialFields, CredentialService
from bridgedesk.storage.models import AuditEntry, Mentee, Site

TODAY = dt.date(2025, 6, 15)


def make_mentee(ctx, given="Ольга", family="Иванова", **extra) -> int:
    with ctx.unit_of_work() as s:
        mentee = Mentee(
            given_names=given, family_name=family, start_date=dt.date(2025, 1, 6), **extra
        )
        s.add(mentee)
        s.flush()
        return mentee.id


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


@pytest.mark.parametrize(
    ("left", "band"),
    [(None, "none"), (-1, "lapsed"), (-400, "lapsed"), (0, "7"), (7, "7"), (8, "30"), (30, "30"),
     (31, "60"), (60, "60"), (61, "90"), (180, "180"), (181, "later")],
)  # fmt: skip
def test_reminder_band_boundaries(left, band):
    assert reminder_band(left, [180, 90, 60, 30, 7]) == band


def test_offsets_round_trip_and_no_offsets_means_later():
    assert parse_offsets("30, 180,,7,30") == [180, 30, 7]
    assert format_offsets([7, 180, 30, 7]) == "180,30,7"
    assert reminder_band(3, []) == "later"


@pytest.mark.parametrize(("n", "band"), [(30, "30"), (31, "60"), (0, "7"), (-1, "lapsed")])
def test_service_bands_at_boundaries(ctx, n, band):
    mid = make_mentee(ctx)
    svc = CredentialService(ctx)
    cid = svc.add(mid, CredentialFields("j1_visa", number="N-1", expires_on=days(n)))
    (row,) = svc.deadlines(TODAY)
    assert (row.credential_id, row.days_left, row.band) == (cid, n, band)
    assert row.mentee_name == "Ольга Иванова" and row.tier == Tier.GOVERNMENT


def test_per_credential_offsets_override_the_kind(ctx):
    mid = make_mentee(ctx)
    svc = CredentialService(ctx)
    own = svc.add(
        mid, CredentialFields("state_licence", expires_on=days(20), reminder_offsets=[14])
    )
    kinds = svc.add(mid, CredentialFields("state_licence", expires_on=days(21)))
    dea = svc.add(mid, CredentialFields("dea", expires_on=days(40)))  # DEA: 180/90/60/30/7
    bands = {r.credential_id: r.band for r in svc.deadlines(TODAY)}
    assert bands == {own: "later", kinds: "30", dea: "60"}
    svc.update(
        own, CredentialFields("state_licence", expires_on=days(10), reminder_offsets=[14]), 1
    )
    assert {r.credential_id: r.band for r in svc.deadlines(TODAY)}[own] == "14"
    assert svc.get(own).fields.reminder_offsets == [14]
    assert svc.get(kinds).fields.reminder_offsets is None
    with pytest.raises(ValidationError):
        svc.add(mid, CredentialFields("dea", expires_on=days(5), reminder_offsets=[0]))


def test_deadlines_sorted_nearest_first_lapsed_first_and_filtered(ctx):
    with ctx.unit_of_work() as s:
        site = Site(name="South clinic")
        s.add(site)
        s.flush()
        site_id = site.id
    a = make_mentee(ctx, given="ሰላም", family="ተስፋዬ", site_id=site_id)
    b = make_mentee(ctx, given="王", family="小明")
    gone = make_mentee(ctx, given="Left", family="Early", status=MenteeStatus.LEFT)
    svc = CredentialService(ctx)
    far = svc.add(a, CredentialFields("h1b", expires_on=days(200)))
    near = svc.add(b, CredentialFields("privileges", expires_on=days(3)))
    lapsed = svc.add(a, CredentialFields("passport", expires_on=days(-10)))
    mid_ = svc.add(b, CredentialFields("board_cert", expires_on=days(45)))
    svc.add(a, CredentialFields("ecfmg"))  # no date: no deadline
    svc.add(a, CredentialFields("dea", expires_on=days(1), status=CredentialStatus.COMPLETED))
    svc.add(gone, CredentialFields("j1_visa", expires_on=days(2)))
    assert [r.credential_id for r in svc.deadlines(TODAY)] == [lapsed, near, mid_, far]
    assert [r.credential_id for r in svc.deadlines(TODAY, within_days=60)] == [lapsed, near, mid_]
    assert [r.credential_id for r in svc.deadlines(TODAY, include_lapsed=False)] == [
        near,
        mid_,
        far,
    ]
    assert [r.credential_id for r in svc.deadlines(TODAY, mentee_id=a)] == [lapsed, far]
    assert [r.credential_id for r in svc.deadlines(TODAY, site="South clinic")] == [lapsed, far]
    assert [r.credential_id for r in svc.due_this_week(TODAY)] == [near]


def test_three_tiers_view(ctx):
    mid = make_mentee(ctx, given="Ánh", family="Nguyễn Thị")
    svc = CredentialService(ctx)
    svc.add(mid, CredentialFields("j1_visa", expires_on=days(300)))
    visa_soon = svc.add(mid, CredentialFields("state_licence", expires_on=days(50)))
    board = svc.add(mid, CredentialFields("board_cert", expires_on=days(700)))
    tiers = CredentialService(ctx).tiers(mid, TODAY)
    assert set(tiers) == {Tier.HOSPITAL, Tier.ACCREDITATION, Tier.GOVERNMENT}
    assert tiers[Tier.GOVERNMENT].credential_id == visa_soon
    assert tiers[Tier.ACCREDITATION].credential_id == board
    assert tiers[Tier.HOSPITAL] is None


def test_add_is_audited_and_update_conflict_and_delete(ctx):
    mid = make_mentee(ctx)
    svc = CredentialService(ctx)
    note = "<b>&amp;</para>" + "n" * 10_000
    cid = svc.add(
        mid, CredentialFields("conrad30", number="W-9", detail="محمد عبد الله", note=note)
    )
    view = svc.get(cid)
    assert (view.version, view.fields.note, view.fields.detail) == (1, note, "محمد عبد الله")
    with ctx.read() as s:
        actions = s.scalars(
            select(AuditEntry.action).where(
                AuditEntry.entity == "credential", AuditEntry.entity_id == cid
            )
        ).all()
    assert actions == ["create"]
    svc.update(cid, CredentialFields("conrad30", number="W-10"), expected_version=1)
    assert (svc.get(cid).version, svc.get(cid).fields.number) == (2, "W-10")
    with pytest.raises(ConflictError):
        svc.update(cid, CredentialFields("conrad30", number="stale"), expected_version=1)
    assert svc.get(cid).fields.number == "W-10"
    svc.delete(cid)
    with pytest.raises(NotFoundError):
        svc.get(cid)
    with ctx.read() as s:
        actions = s.scalars(
            select(AuditEntry.action).where(
                AuditEntry.entity == "credential", AuditEntry.entity_id == cid
            )
        ).all()
    assert actions == ["create", "update", "delete"]


def test_bad_fields_are_refused(ctx):
    mid = make_mentee(ctx)
    svc = CredentialService(ctx)
    with pytest.raises(ValidationError) as err:
        svc.add(mid, CredentialFields("no_such_kind"))
    assert "kind_code" in err.value.problems
    with pytest.raises(ValidationError) as err:
        svc.add(mid, CredentialFields("dea", issued_on=days(0), expires_on=days(-1)))
    assert "expires_on" in err.value.problems
    with pytest.raises(NotFoundError):
        svc.add(999, CredentialFields("dea"))


def test_kinds_list_the_defaults(ctx):
    kinds = {k.code: k for k in CredentialService(ctx).kinds()}
    assert kinds["dea"].offsets == [180, 90, 60, 30, 7]  # the 180-day default (issue 14)
    assert kinds["privileges"].tier == Tier.HOSPITAL
    assert kinds["ecfmg"].offsets == []
