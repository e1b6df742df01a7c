"""Roster service: create/get/update/conflict, archive, delete, validation, find, roster rows."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, select

from bridgedesk.domain import mentee_rules
from bridgedesk.domain.enums import (
    AssessmentMethod,
    AssignmentKind,
    CheckinStatus,
    CredentialStatus,
    MenteeStatus,
    ObserverRole,
)
from bridgedesk.errors import ConflictError, NotFoundError, ValidationError
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentees.roster_rows import roster_rows
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.services.program.exit_reasons import exit_reasons
from bridgedesk.storage.database import Database
from bridgedesk.storage.engine import make_engine
from bridgedesk.storage.models import (
    Assessment,
    Checkin,
    ChecklistDomain,
    ChecklistItem,
    ChecklistTemplate,
    Credential,
    CredentialKind,
    Milestone,
    RatingLevel,
)

TODAY = dt.date(2025, 6, 1)
HOSTILE = "<b>&amp;</para>"


def second_context(ctx: ServiceContext, actor: str) -> ServiceContext:
    """Another user on the same database (own engine, own sessions)."""
    url = ctx.db.engine.url.render_as_string(hide_password=False)
    return ServiceContext(Database(engine=make_engine(url)), actor=actor)


def fields(**over) -> MenteeFields:
    base = MenteeFields(
        given_names="Ольга",
        family_name="Ivanova",
        start_date=dt.date(2025, 1, 6),
        specialty="Family medicine",
        site="Main campus",
    )
    base.given_names = "Olga"
    for key, value in over.items():
        setattr(base, key, value)
    return base


@pytest.fixture
def roster(ctx) -> RosterService:
    return RosterService(ctx, clock=lambda: TODAY)


def test_create_and_get_round_trip_with_native_script_and_hostile_text(roster):
    notes = HOSTILE + "x" * 10_000
    mid = roster.create(fields(native_name="Ольга Иванова", notes=notes, medical_school=HOSTILE))
    rec = roster.get(mid)
    assert rec.version == 1
    assert rec.legal_name == "Olga Ivanova"
    assert rec.fields.native_name == "Ольга Иванова"
    assert rec.fields.notes == notes
    assert rec.fields.medical_school == HOSTILE
    assert rec.fields.site == "Main campus"
    assert rec.status == MenteeStatus.ACTIVE
    assert roster.sites() == ["Main campus"]
    assert roster.specialties() == ["Family medicine"]
    assert roster.count() == 1


def test_phase_is_derived_from_start_date_when_not_chosen(roster):
    # 2025-01-06 to 2025-06-01 is day 146: "Rest of year 1" (90..365) in the default program.
    rec = roster.get(roster.create(fields()))
    assert rec.phase_name == "Rest of year 1"
    future = roster.get(roster.create(fields(start_date=dt.date(2026, 1, 1))))
    assert future.phase_name == "Pre-arrival"
    chosen_id = roster.phases()[1][0]
    chosen = roster.get(roster.create(fields(phase_override_id=chosen_id)))
    assert chosen.fields.phase_override_id == chosen_id
    assert chosen.phase_name == roster.phases()[1][1] and chosen.phase.by_hand
    assert chosen.phase.derived == "Rest of year 1"
    assert chosen.phase.label == f"{roster.phases()[1][1]} (set by hand)"


def test_update_bumps_version_and_saves_the_change(roster):
    mid = roster.create(fields())
    rec = roster.get(mid)
    rec.fields.specialty = "Internal medicine"
    assert roster.update(mid, rec.fields, rec.version) == 2
    assert roster.get(mid).fields.specialty == "Internal medicine"


def test_stale_save_from_second_context_raises_conflict_and_keeps_first(ctx, data_paths):
    first = RosterService(ctx, clock=lambda: TODAY)
    mid = first.create(fields())
    other_ctx = second_context(ctx, "other")
    try:
        second = RosterService(other_ctx, clock=lambda: TODAY)
        a, b = first.get(mid), second.get(mid)
        assert a.version == b.version == 1
        a.fields.specialty = "Psychiatry"
        first.update(mid, a.fields, a.version)
        b.fields.phone = "555-0100"
        with pytest.raises(ConflictError) as err:
            second.update(mid, b.fields, b.version)
        assert "tester" in str(err.value) and "Specialty" in str(err.value)
        assert err.value.changed_fields["specialty"] == ("Family medicine", "Psychiatry")
        kept = second.get(mid)
        assert kept.fields.specialty == "Psychiatry" and kept.fields.phone == ""
        assert kept.version == 2
    finally:
        other_ctx.db.dispose()


def test_validation_messages(roster):
    problems = roster.validate(
        MenteeFields(
            given_names="",
            family_name="王小明",
            start_date=None,
            graduation_year=1900,
            email="not-an-address",
            notes="n" * 20_001,
        )
    )
    assert problems["given_names"] == "Given names is required."
    assert "Latin letters" in problems["family_name"]
    assert problems["start_date"] == "Start date is required."
    assert "between 1950 and 2026" in problems["graduation_year"]
    assert "name@example.org" in problems["email"]
    assert "20,001" in problems["notes"] and "20,000" in problems["notes"]
    with pytest.raises(ValidationError) as err:
        roster.create(MenteeFields(given_names="A"))
    assert set(err.value.problems) == {"family_name", "start_date"}


def test_latin_names_accept_accents_and_punctuation():
    for name in ("Nguyễn Thị Ánh", "O'Brien-Smith", "J. R.", "Zoë D’Arcy", "Łukasz"):
        assert mentee_rules.is_latin_name(name), name
    for name in ("ሰላም ተስፋዬ", "محمد عبد الله", "प्रिया शर्मा", "Ольга", "<b>"):
        assert not mentee_rules.is_latin_name(name), name


def test_graduation_year_after_start_and_long_names_refused(roster):
    problems = roster.validate(fields(graduation_year=2026, given_names="A" * 201))
    assert "cannot be after the start year" in problems["graduation_year"]
    assert "at most 200" in problems["given_names"]
    assert roster.validate(fields(graduation_year=2015)) == {}


def test_archive_reactivate_and_rules(ctx, roster):
    mid = roster.create(fields())
    family = next(r.id for r in exit_reasons(ctx) if r.label == "Family or personal reasons")
    with pytest.raises(ValidationError) as err:
        roster.archive(mid, MenteeStatus.LEFT, dt.date(2025, 3, 1), "Family moved to Ohio")
    assert "reason" in err.value.problems["exit_reason_id"]
    with pytest.raises(ValidationError) as err:
        roster.archive(mid, MenteeStatus.COMPLETED, dt.date(2024, 12, 1), "")
    assert "before the start date" in err.value.problems["exit_date"]
    roster.archive(mid, MenteeStatus.LEFT, dt.date(2025, 3, 1), "Family moved to Ohio", family)
    rec = roster.get(mid)
    assert (rec.status, rec.exit_date, rec.exit_reason, rec.exit_reason_label) == (
        MenteeStatus.LEFT,
        dt.date(2025, 3, 1),
        "Family moved to Ohio",
        "Family or personal reasons",
    )
    roster.reactivate(mid)
    rec = roster.get(mid)
    assert rec.status == MenteeStatus.ACTIVE and rec.exit_date is None and rec.exit_reason == ""
    assert rec.exit_reason_id is None


def test_delete_cascades_to_history(ctx, roster):
    mid = roster.create(fields())
    with ctx.unit_of_work() as s:
        s.add(Checkin(mentee_id=mid, planned_date=TODAY))
        s.add(Milestone(mentee_id=mid, name="90-day review", due_date=TODAY))
    roster.delete(mid)
    with pytest.raises(NotFoundError):
        roster.get(mid)
    with ctx.read() as s:
        assert s.scalars(select(Checkin.id)).all() == []
        assert s.scalars(select(Milestone.id)).all() == []


def test_find_by_id_and_by_names_in_any_script(roster):
    ids = {
        "ethiopic": roster.create(
            fields(given_names="Selam", family_name="Tesfaye", native_name="ሰላም ተስፋዬ")
        ),
        "arabic": roster.create(
            fields(given_names="Mohammed", family_name="Abdullah", native_name="محمد عبد الله")
        ),
        "hindi": roster.create(
            fields(given_names="Priya", family_name="Sharma", native_name="प्रिया शर्मा")
        ),
        "chinese": roster.create(
            fields(given_names="Xiaoming", family_name="Wang", native_name="王小明")
        ),
        "russian": roster.create(fields(native_name="Ольга Иванова", preferred_name="Olya")),
        "viet": roster.create(fields(given_names="Thị Ánh", family_name="Nguyễn")),
    }
    assert roster.find("ተስፋዬ") == [(ids["ethiopic"], "Selam Tesfaye")]
    assert roster.find("عبد") == [(ids["arabic"], "Mohammed Abdullah")]
    assert roster.find("शर्मा") == [(ids["hindi"], "Priya Sharma")]
    assert roster.find("小明") == [(ids["chinese"], "Xiaoming Wang")]
    assert roster.find("ОЛЬГА") == [(ids["russian"], "Olga Ivanova")]  # case-folded Cyrillic
    assert roster.find("olya") == [(ids["russian"], "Olga Ivanova")]
    assert roster.find("NGUYỄN") == [(ids["viet"], "Thị Ánh Nguyễn")]
    assert roster.find(f"#{ids['chinese']}") == [(ids["chinese"], "Xiaoming Wang")]
    assert roster.find(str(ids["arabic"])) == [(ids["arabic"], "Mohammed Abdullah")]
    assert roster.find("#99999") == []
    assert roster.find("   ") == []


def test_roster_rows_on_a_small_program(ctx, roster):
    mentors = MentorService(ctx)
    a = roster.create(fields(given_names="Selam", family_name="Tesfaye", native_name="ሰላም ተስፋዬ"))
    b = roster.create(fields(given_names="Priya", family_name="Sharma"))
    m1 = mentors.create(MentorFields(name="Dr Adams"))
    m2 = mentors.create(MentorFields(name="Dr Baker"))
    mentors.assign(a, m1, AssignmentKind.PRIMARY, dt.date(2025, 1, 6))
    mentors.assign(a, m2, AssignmentKind.PRIMARY, dt.date(2025, 4, 1))
    with ctx.unit_of_work() as s:  # this test lays out its own plan, not the program's schedule
        s.execute(delete(Checkin))
        s.execute(delete(Milestone))
    with ctx.unit_of_work() as s:
        s.add_all(
            [
                Checkin(mentee_id=a, planned_date=dt.date(2025, 5, 20)),  # overdue
                Checkin(mentee_id=a, planned_date=dt.date(2025, 6, 10)),  # next
                Checkin(mentee_id=a, planned_date=dt.date(2025, 7, 10)),
                Checkin(mentee_id=a, planned_date=dt.date(2025, 5, 1), status=CheckinStatus.HELD),
                Milestone(
                    mentee_id=a, name="90-day review", due_date=dt.date(2025, 4, 6)
                ),  # overdue
                Milestone(
                    mentee_id=a,
                    name="Orientation complete",
                    due_date=dt.date(2025, 1, 20),
                    completed_date=dt.date(2025, 1, 19),
                ),
                Milestone(mentee_id=a, name="6-month review", due_date=dt.date(2025, 7, 6)),
            ]
        )
        kind = s.scalars(select(CredentialKind).order_by(CredentialKind.id)).first()
        s.add_all(
            [
                Credential(
                    mentee_id=a, kind_id=kind.id, expires_on=dt.date(2025, 6, 20)
                ),  # nearest
                Credential(mentee_id=a, kind_id=kind.id, expires_on=dt.date(2025, 5, 1)),  # lapsed
                Credential(
                    mentee_id=a,
                    kind_id=kind.id,
                    expires_on=dt.date(2025, 5, 2),
                    status=CredentialStatus.COMPLETED,
                ),
            ]
        )
        template = s.scalars(select(ChecklistTemplate).where(ChecklistTemplate.is_current)).one()
        items = s.scalars(
            select(ChecklistItem)
            .join(ChecklistDomain)
            .where(ChecklistDomain.template_id == template.id)
            .order_by(ChecklistItem.id)
        ).all()
        proficient = set(
            s.scalars(
                select(RatingLevel.value).where(
                    RatingLevel.template_id == template.id, RatingLevel.counts_as_proficient
                )
            )
        )
        assert proficient == {3, 4}

        def rate(item, level, day):
            s.add(
                Assessment(
                    mentee_id=a,
                    item_id=item.id,
                    level=level,
                    assessed_on=day,
                    observer_role=ObserverRole.MENTOR,
                    method=AssessmentMethod.DIRECT_OBSERVATION,
                )
            )

        rate(items[0], 1, dt.date(2025, 2, 1))
        rate(items[0], 3, dt.date(2025, 5, 1))  # latest proficient
        rate(items[1], 4, dt.date(2025, 2, 1))
        rate(items[1], 2, dt.date(2025, 5, 1))  # latest not proficient
        rate(items[2], 4, dt.date(2025, 5, 1))  # proficient
        total = len(items)
        kind_name = kind.name

    rows = {r.id: r for r in roster_rows(ctx, TODAY)}
    ra, rb = rows[a], rows[b]
    assert [r.legal_name for r in roster_rows(ctx, TODAY)] == ["Priya Sharma", "Selam Tesfaye"]
    assert ra.native_name == "ሰላም ተስፋዬ" and ra.site == "Main campus"
    assert ra.phase == "Rest of year 1" and ra.status == "active"
    assert (ra.primary_mentor, ra.primary_mentor_id) == ("Dr Baker", m2)
    assert ra.next_checkin == dt.date(2025, 6, 10)
    assert (ra.nearest_deadline, ra.nearest_deadline_kind) == (dt.date(2025, 6, 20), kind_name)
    assert ra.checklist_progress == pytest.approx(2 / total)
    assert ra.overdue_count == 3  # one check-in, one milestone, one lapsed credential
    assert (rb.primary_mentor, rb.primary_mentor_id, rb.next_checkin) == ("", None, None)
    assert rb.nearest_deadline is None and rb.nearest_deadline_kind == ""
    assert rb.checklist_progress is None and rb.overdue_count == 0
