"""The mentee record's sections on a real database: each shows its data; mentors assigned and ended."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLabel

from bridgedesk.domain.enums import (
    AssessmentMethod,
    AssignmentKind,
    CredentialStatus,
    GoalProgressMode,
    ObserverRole,
    Tier,
)
from bridgedesk.domain.reminders import LAPSED
from bridgedesk.services.checklists.ratings import ChecklistService, Rating
from bridgedesk.services.credentials.service import CredentialFields, CredentialService
from bridgedesk.services.history import audit
from bridgedesk.services.mentees.record import credentials_of, gap_summary
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.services.timeline.service import TimelineService
from bridgedesk.ui.models.deadlines_model import band_colour
from bridgedesk.ui.screens.mentees.sections import TITLES, UNSAVED_NOTE, build_sections
from bridgedesk.ui.screens.mentees.sections.checklist_section import ChecklistSection
from bridgedesk.ui.screens.mentees.sections.credentials_section import CredentialsSection
from bridgedesk.ui.screens.mentees.sections.goals_section import GoalsSection
from bridgedesk.ui.screens.mentees.sections.mentors_section import MentorsSection
from bridgedesk.ui.screens.mentees.sections.pair_health_section import PairHealthSection
from bridgedesk.ui.screens.mentees.sections.timeline_section import TimelineSection
from bridgedesk.ui.view_env import ViewEnv
from tests.ui.conftest import TODAY
from tests.unit.plans import without_schedule

START = dt.date(2026, 1, 5)
HOSTILE = "<b>&amp;</para>" + "x" * 10_000


@pytest.fixture
def env(sqlite_ctx, data_paths, dialogs) -> ViewEnv:
    return ViewEnv(sqlite_ctx, data_paths, dialogs, today=lambda: TODAY)


@pytest.fixture
def selam(env) -> int:
    created = RosterService(env.ctx).create(
        MenteeFields(given_names="Selam", family_name="Tesfaye", native_name="ሰላም ተስፋዬ",
                     start_date=START)
    )  # fmt: skip
    return without_schedule(env.ctx, created)  # the tests lay out the plan themselves


@pytest.fixture
def mentors(env) -> dict[str, int]:
    service = MentorService(env.ctx)
    return {
        name: service.create(MentorFields(name=name))
        for name in ("Dr Ruth Okafor", "Dr Олег Петров", "Dr 王小明")
    }


def texts(model, column: int) -> list[str]:
    return [model.text(row, column) for row in range(model.rowCount())]


def test_unsaved_mentee_gets_a_note_per_section(qtbot, env):
    sections = build_sections(env, None)
    assert [title for title, _ in sections] == list(TITLES)
    for _title, page in sections:
        qtbot.addWidget(page)
        assert isinstance(page, QLabel) and page.text() == UNSAVED_NOTE


def test_saved_mentee_gets_every_section(qtbot, env, selam):
    sections = build_sections(env, selam)
    kinds = [type(page) for _title, page in sections]
    assert kinds == [MentorsSection, TimelineSection, ChecklistSection, CredentialsSection,
                     GoalsSection, PairHealthSection]  # fmt: skip
    for _title, page in sections:
        qtbot.addWidget(page)


def test_mentors_history_assign_then_end_through_buttons(qtbot, env, dialogs, selam, mentors):
    service = MentorService(env.ctx)
    old = service.assign(selam, mentors["Dr Олег Петров"], AssignmentKind.PEER, START)
    service.end_assignment(old, dt.date(2026, 2, 1), "Moved site")
    section = MentorsSection(env, selam)
    qtbot.addWidget(section)
    assert texts(section.model, 0) == ["Dr Олег Петров"]
    assert section.model.text(0, 3) == "Feb 1, 2026" and section.model.text(0, 4) == "No"
    assert section.model.text(0, 5) == "Moved site"
    assert "No primary mentor" in section.summary.text()

    section.assign_button.click()
    dialog = section.current_dialog
    dialog.mentor.setCurrentIndex(dialog.mentor.findText("Dr Ruth Okafor"))
    dialog.kind.setCurrentIndex(dialog.kind.findData(AssignmentKind.PRIMARY.value))
    dialog.start.setDate(QDate(2026, 3, 1))
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    assert texts(section.model, 0) == ["Dr Ruth Okafor", "Dr Олег Петров"]
    assert section.model.text(0, 1) == "Primary" and section.model.text(0, 4) == "Yes"
    assert "Primary mentor: Dr Ruth Okafor" in section.summary.text()

    # the ended row cannot be ended again; the open one can, but not before it started
    section.select_assignment(old)
    assert not section.end_button.isEnabled()
    new_id = service.assignments(selam)[0].id
    section.select_assignment(new_id)
    assert section.end_button.isEnabled()
    section.end_button.click()
    ending = section.current_dialog
    ending.end.setDate(QDate(2026, 2, 15))
    ending.reason.setText("Mentor on leave")
    ending.save_button.click()
    assert ending.isVisible()
    assert "cannot be before the start date" in ending.rows["end"].problem()
    assert service.assignments(selam)[0].end is None
    ending.end.setDate(QDate(2026, 3, 10))
    with qtbot.waitSignal(ending.accepted):
        ending.save_button.click()

    row = service.assignments(selam)[0]
    assert (row.id, row.end, row.end_reason) == (new_id, dt.date(2026, 3, 10), "Mentor on leave")
    assert section.model.text(0, 3) == "Mar 10, 2026" and section.model.text(0, 4) == "No"
    with env.ctx.read() as s:
        entries = audit.history(s, "mentor_assignment", new_id)
    assert [e.action for e in entries] == ["create", "update"]
    assert entries[-1].actor == "tester" and "2026-03-10" in entries[-1].after
    assert dialogs.kinds() == []


def test_assign_refuses_the_same_mentor_twice_in_one_sentence(qtbot, env, dialogs, selam, mentors):
    MentorService(env.ctx).assign(selam, mentors["Dr 王小明"], AssignmentKind.CULTURAL, START)
    section = MentorsSection(env, selam)
    qtbot.addWidget(section)
    dialog = section.ask_assign()
    dialog.mentor.setCurrentIndex(dialog.mentor.findText("Dr 王小明"))
    dialog.kind.setCurrentIndex(dialog.kind.findData(AssignmentKind.CULTURAL.value))
    dialog.save_button.click()
    assert dialogs.messages == [("error", "Dr 王小明 is already a cultural mentor of this mentee.")]
    assert section.model.rowCount() == 1


def test_timeline_lists_overdue_then_next_and_asks_for_the_view(qtbot, env, selam):
    timeline = TimelineService(env.ctx)
    timeline.plan_checkin(selam, dt.date(2026, 2, 20), "Day 30 check-in")
    timeline.plan_checkin(selam, dt.date(2026, 3, 20), "Month 2 check-in")
    timeline.add_milestone(selam, "90-day review", dt.date(2026, 4, 5))
    done = timeline.add_milestone(selam, "Orientation complete", dt.date(2026, 1, 19))
    timeline.complete_milestone(done, dt.date(2026, 1, 19), "Dr Ruth Okafor", today=TODAY)
    section = TimelineSection(env, selam)
    qtbot.addWidget(section)
    assert section.strip.marker_count() == 4
    assert texts(section.model, 1) == ["Day 30 check-in", "Month 2 check-in", "90-day review"]
    assert texts(section.model, 3) == ["Overdue", "Coming", "Coming"]
    assert "1 overdue" in section.summary.text()
    assert "Milestones: 1 of 2 done" in section.summary.text()
    with qtbot.waitSignal(section.open_view_requested) as signal:
        section.open_button.click()
    assert signal.args == ["timeline", selam]


def test_checklist_progress_and_gap_summary(qtbot, env, selam):
    checklists = ChecklistService(env.ctx)
    template = checklists.current_template()
    (first_id, _k, _t), (second_id, _k2, _t2) = template.domains[0][1][:2]

    def rate(item, level, role, on):
        checklists.rate(
            selam, Rating(item, level, on, "Dr Ruth Okafor", role, AssessmentMethod.DIRECT_OBSERVATION),
            today=TODAY,
        )  # fmt: skip

    rate(first_id, 1, ObserverRole.MENTOR, dt.date(2026, 1, 10))
    rate(first_id, 3, ObserverRole.MENTOR, dt.date(2026, 3, 1))
    rate(first_id, 4, ObserverRole.SELF, dt.date(2026, 3, 1))
    rate(second_id, 2, ObserverRole.SELF, dt.date(2026, 3, 1))
    rate(second_id, 2, ObserverRole.MENTOR, dt.date(2026, 3, 1))
    section = ChecklistSection(env, selam)
    qtbot.addWidget(section)
    first_domain = section.bars.rows()[0]
    assert first_domain.domain == template.domains[0][0] and first_domain.proficient_items == 1
    assert first_domain.first_share == 0.0
    assert "Rated by both on 2 items: they agree on 1" in section.gap.text()
    assert "the mentee higher on 1" in section.gap.text()
    assert section.model.rowCount() == 1 and section.model.text(0, 3) == "-1"
    summary = gap_summary(checklists.grid(selam))
    assert (summary.both_rated, summary.mentor_higher, summary.self_higher) == (2, 0, 1)
    with qtbot.waitSignal(section.open_view_requested) as signal:
        section.rate_button.click()
    assert signal.args == ["checklists", selam]


def test_checklist_with_nothing_rated_says_so(qtbot, env, selam):
    section = ChecklistSection(env, selam)
    qtbot.addWidget(section)
    assert "Nothing rated yet" in section.intro.text()
    assert "no gap to show" in section.gap.text() and section.model.rowCount() == 0


def test_credentials_grouped_by_tier_and_banded(qtbot, env, selam):
    service = CredentialService(env.ctx)
    service.add(
        selam, CredentialFields("state_licence", "MN-1", expires_on=TODAY - dt.timedelta(days=3))
    )
    service.add(
        selam, CredentialFields("privileges", "P-7", expires_on=TODAY + dt.timedelta(days=20))
    )
    service.add(selam, CredentialFields("ecfmg", "E-1"))
    service.add(selam, CredentialFields("passport", "X", expires_on=TODAY - dt.timedelta(days=400),
                                        status=CredentialStatus.EXPIRED))  # fmt: skip
    section = CredentialsSection(env, selam)
    qtbot.addWidget(section)
    tree = section.tree
    assert [tree.topLevelItem(n).text(0) for n in range(3)] == [
        "Hospital (1)", "Accreditation body (1)", "Government (2)",
    ]  # fmt: skip
    assert section.tier_rows(Tier.HOSPITAL) == [
        ["Hospital privileges", "P-7", "Active", "Apr 1, 2026", "In 20 days — within 30 days"]
    ]
    assert section.tier_rows(Tier.ACCREDITATION)[0][3:] == ["", ""]
    government = section.tier_rows(Tier.GOVERNMENT)
    # a passport marked expired still shows its lapse: the status never hides it (issue 14)
    assert [r[4] for r in government] == ["Lapsed 400 days ago", "Lapsed 3 days ago"]
    for n in (0, 1):
        lapsed = tree.topLevelItem(2).child(n)
        assert lapsed.background(0).color() == band_colour(LAPSED, tree.palette())
    assert [r.band for r in credentials_of(env.ctx, selam, TODAY)] == [
        "30",
        "none",
        "lapsed",
        "lapsed",
    ]
    with qtbot.waitSignal(section.open_view_requested) as signal:
        section.open_button.click()
    assert signal.args == ["deadlines", selam]


def test_goals_with_tasks_and_open_actions_including_hostile_text(qtbot, env, selam):
    timeline = TimelineService(env.ctx)
    goal = timeline.add_goal(selam, HOSTILE[:300], GoalProgressMode.TASKS, dt.date(2026, 12, 1))
    done = timeline.add_goal_task(goal, "Finish the coding course", dt.date(2026, 2, 1))
    timeline.add_goal_task(goal, "Audit ten notes", dt.date(2026, 3, 1))
    timeline.complete_goal_task(done, dt.date(2026, 2, 2))
    judged = timeline.add_goal(selam, "Confident night call", GoalProgressMode.JUDGED)
    timeline.set_goal_progress(judged, 40)
    timeline.add_action(selam, HOSTILE, dt.date(2026, 3, 1), owner="Mentee")
    finished = timeline.add_action(selam, "Already done", None)
    timeline.complete_action(finished, dt.date(2026, 3, 2))
    section = GoalsSection(env, selam)
    qtbot.addWidget(section)
    section.show()
    assert section.goal_texts() == [HOSTILE[:300], "Confident night call"]
    first = section.tree.topLevelItem(0)
    assert first.text(1) == "50% (1 of 2 tasks)" and first.text(3) == "Dec 1, 2026"
    assert [first.child(n).text(2) for n in range(2)] == ["Done Feb 2, 2026", "Overdue"]
    assert section.tree.topLevelItem(1).text(1) == "40% (judged)"
    assert texts(section.model, 0) == [HOSTILE] and section.model.text(0, 2) == "Mar 1, 2026"
    assert section.actions_heading.text() == "Open agreed actions (1)"
    section.grab()  # paints the hostile text without error


def test_ethiopic_mentee_renders_every_section(qtbot, env, selam, mentors):
    MentorService(env.ctx).assign(selam, mentors["Dr Ruth Okafor"], AssignmentKind.PRIMARY, START)
    TimelineService(env.ctx).add_goal(selam, HOSTILE[:300], GoalProgressMode.JUDGED)
    for _title, page in build_sections(env, selam):
        qtbot.addWidget(page)
        page.resize(700, 560)
        page.show()
        assert not page.grab().isNull()
