"""The planning and upkeep half of the dialog screenshots: the Timeline view's planning, the
record's Timeline and Goals tabs with their dialogs, leaving the program (the archive dialog, its
immigration question, the start-date question), File > Program settings (details, schedule,
sites, exit reasons), the mentors' edit and retire dialogs, and an import naming an unknown site.

Names in Ethiopic and Arabic script and a 200-character name are on screen on purpose.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from bridgedesk.domain.enums import AssignmentKind, MenteeStatus
from bridgedesk.services.mentees.exit_warnings import (
    H1B_TEXT,
    WAIVER_TEXT,
    ExitWarning,
    confirmation_text,
)
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.mentors.service import MentorFields, MentorService
from bridgedesk.ui.main_menus import open_program_settings

LONG_GIVEN = "Abebech " + "Tesfaye-Gebremariam " * 4 + "Alemayehu"
LONG_FAMILY = "Wolde-" + "Giorgis-Haile-Mariam-" * 4 + "Kebede"
TYPO_CSV = (
    "Given names,Family name,Native name,Start date,Site\n"
    "Selam,Tesfaye,ሰላም ተስፋዬ,2026-01-05,{typo}\n"
    "Mohammed,Abdullah,محمد عبد الله,2026-02-02,{typo}\n"
    "Olga,Ivanova,Ольга Иванова,2026-02-02,ሆስፒታል Clinic\n"
)


def people(window: Any) -> tuple[int, int]:
    """A mentee with a 200-character name and one with an Arabic native name, with a mentor."""
    env = window.env
    roster = RosterService(env.ctx, clock=env.today)
    today = env.today()
    long_id = roster.create(
        MenteeFields(given_names=LONG_GIVEN[:200], family_name=LONG_FAMILY[:200],
                     native_name="አበበች ተስፋዬ ገብረማርያም", start_date=today - dt.timedelta(days=40),
                     site="Cedar Valley Regional Hospital")
    )  # fmt: skip
    arabic = roster.create(
        MenteeFields(given_names="Mohammed", family_name="Abdullah", native_name="محمد عبد الله",
                     start_date=today - dt.timedelta(days=200))
    )  # fmt: skip
    mentors = MentorService(env.ctx)
    mentor = mentors.create(MentorFields(name="Dr ሐና ተስፋዬ", specialty="Family medicine"))
    mentors.assign(long_id, mentor, AssignmentKind.PRIMARY, today - dt.timedelta(days=40))
    return long_id, arabic


def shoot_timeline(shot: Any, window: Any, mentee_id: int) -> None:
    view = window.show_view("timeline")
    view.select_mentee(mentee_id)
    event = next((e for e in view.strip.events if e.state in ("planned", "due")), None)
    if event is not None:
        view.strip.select(event.kind, event.id)
    shot.save(window, "timeline-planning")
    dialog = view.plan_checkin()
    dialog.title_edit.setText("Interpreter debrief — ሰላም")
    shot.save(dialog, "plan-checkin")
    dialog.done(0)
    dialog = view.add_milestone()
    dialog.save()  # the inline problem under the empty name
    shot.save(dialog, "add-milestone-problem")
    dialog.done(0)
    if event is not None:
        edit = view.edit_selected()
        if edit is not None:
            shot.save(edit, "edit-planned-item")
            edit.done(0)


def shoot_record(shot: Any, window: Any, mentee_id: int) -> None:
    roster = window.roster()
    window.show_view("mentees")
    form = roster.open_mentee(mentee_id)
    for title in ("Timeline", "Goals"):
        form.tabs.setCurrentIndex(
            [form.tabs.tabText(i) for i in range(form.tabs.count())].index(title)
        )
        shot.save(form, f"record-{title.lower()}-long-name")
    goals = form.tabs.currentWidget()
    goal = goals.add_goal()
    goal.title_edit.setText("Lead a family meeting on goals of care — ሰላም")
    goal.set_task(0, "Observe two family meetings", "2026-04-15")
    goal.set_task(1, "Co-lead one with the palliative team", "2026-06-01")
    shot.save(goal, "goal-with-tasks")
    goal.save()
    goals.select("goal", goals.service.goals(mentee_id)[0].id)
    shot.save(form, "record-goals-added")
    task = goals.add_task()
    shot.save(task, "goal-task")
    task.done(0)
    form.tabs.setCurrentIndex(0)
    form.profile.start_date_edit.setDate(form.profile.start_date_edit.date().addDays(7))
    shift = form.service.plan_shift(mentee_id, form.profile.fields().start_date)
    box = QMessageBox(QMessageBox.Icon.Question, "Start date changed",
                      f"The start date moves 7 days later. Move the {shift.checkins} planned "
                      f"check-ins and {shift.milestones} open milestones 7 days later too? What "
                      "was held, missed or signed off keeps its date.", parent=form)  # fmt: skip
    box.addButton("Move them too", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Keep their dates", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    shot.save(box, "start-date-question")
    box.done(0)
    form.fill(form.baseline)
    dialog = form.ask_archive()
    shot.save(dialog, "archive-empty")
    dialog.details.setPlainText("Spouse took a job in Denver; family moves in June.")
    dialog.save()  # refused: no outcome chosen, the text stays
    shot.save(dialog, "archive-refused")
    dialog.choose(MenteeStatus.LEFT, "Family or personal reasons")
    shot.save(dialog, "archive-filled")
    warnings = [
        ExitWarning("waiver", "Conrad 30 / J-1 waiver", dt.date(2028, 9, 1), WAIVER_TEXT),
        ExitWarning("h1b", "H-1B", dt.date(2027, 6, 30), H1B_TEXT),
    ]
    question = QMessageBox(QMessageBox.Icon.Question, "Immigration status",
                           confirmation_text(form.record.legal_name, warnings), parent=dialog)  # fmt: skip
    question.addButton("Archive anyway", QMessageBox.ButtonRole.AcceptRole)
    question.addButton(QMessageBox.StandardButton.Cancel)
    shot.save(question, "archive-immigration-question")
    question.done(0)
    dialog.done(0)
    form.done(0)


def shoot_settings(shot: Any, window: Any) -> None:
    dialog = open_program_settings(window)
    for index, name in enumerate(("details", "schedule", "sites", "exit-reasons")):
        dialog.tabs.setCurrentIndex(index)
        shot.save(dialog, f"settings-{name}")
    dialog.tabs.setCurrentIndex(1)
    page = dialog.schedule
    row = page.add_row(page.table.cellWidget(0, 0).itemData(0))
    page.set_row(row, "", 10)
    page.save()  # the problem under the table
    shot.save(dialog, "settings-schedule-problem")
    sites = dialog.sites
    if sites.rows:
        sites.table.setCurrentIndex(sites.model.index(0, 0))
        rename = sites.rename()
        shot.save(rename, "settings-rename-site")
        rename.done(0)
        merge = sites.merge()
        if merge is not None:
            shot.save(merge, "settings-merge-site")
            merge.done(0)
    reason = dialog.exit_reasons.add()
    shot.save(reason, "settings-add-exit-reason")
    reason.done(0)
    dialog.done(0)


def shoot_mentors(shot: Any, window: Any) -> None:
    view = window.show_view("mentors")
    if not view.model.rowCount():
        return
    view.table.setCurrentIndex(view.model.index(0, 0))
    edit = view.edit_mentor()
    shot.save(edit, "mentor-edit")
    edit.done(0)
    retire = view.retire()
    shot.save(retire, "mentor-retire")
    retire.save()
    view.show_retired.setChecked(True)
    shot.save(window, "mentors-with-retired")


def shoot_import_new_site(shot: Any, window: Any, scratch: Path) -> None:
    from bridgedesk.ui.screens.program_file.import_dialog import ImportDialog

    sites = RosterService(window.env.ctx).sites()
    typo = (sites[0][:-2] + sites[0][-1:]) if sites else "Hilside Hospital"
    source = scratch / "roster-new-site.csv"
    source.write_text(TYPO_CSV.format(typo=typo), encoding="utf-8")
    dialog = ImportDialog(window.env, window)
    dialog.show()
    dialog.check_file(source)
    shot.wait_until(lambda: not dialog.busy)
    shot.save(dialog, "import-new-site")
    dialog.done(0)


def shoot_planning(shot: Any, window: Any, scratch: Path) -> None:
    long_id, arabic = people(window)
    shoot_timeline(shot, window, long_id)
    shoot_record(shot, window, long_id)
    shoot_settings(shot, window)
    shoot_mentors(shot, window)
    shoot_import_new_site(shot, window, scratch)
    roster = window.show_view("mentees")
    roster.refresh(select_id=arabic)
    shot.save(window, "roster-derived-phase")
    roster.status.select(None)
    left = next((roster.model.row_at(n) for n in range(roster.model.rowCount())
                 if roster.model.row_at(n).status == "left"), None)  # fmt: skip
    if left is not None:  # what was planned after leaving: cancelled, kept, never overdue
        form = roster.open_mentee(left.id)
        form.tabs.setCurrentIndex(2)
        shot.save(form, "record-timeline-after-leaving")
        form.done(0)
