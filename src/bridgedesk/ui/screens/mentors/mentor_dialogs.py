"""The Mentors view's dialogs: add or edit a mentor, retire one, assign one to a mentee."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from bridgedesk.domain.enums import AssignmentKind, label
from bridgedesk.errors import ValidationError
from bridgedesk.services.mentors.service import MAX_CAPACITY, MentorFields, MentorService
from bridgedesk.ui.formatting import plural
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.date_edit import DateEdit, required_date
from bridgedesk.ui.widgets.form_dialog import FormDialog
from bridgedesk.ui.widgets.mentee_picker import MenteePicker, mentee_choices


class MentorDialog(FormDialog):
    """A new mentor, or an existing one's specialty, capacity, former-IMG mark and contact."""

    def __init__(
        self, env: ViewEnv, mentor_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(env, "Edit mentor" if mentor_id else "New mentor", parent=parent)
        self.service = MentorService(env.ctx)
        self.mentor_id = mentor_id
        self.version = 0
        self.name, self.native_name, self.email = QLineEdit(), QLineEdit(), QLineEdit()
        self.phone, self.specialty, self.site = QLineEdit(), QLineEdit(), QLineEdit()
        self.phone.setMaxLength(60)
        self.former_img = QCheckBox("Trained abroad too (former IMG)")
        self.languages, self.country = QLineEdit(), QLineEdit()
        self.languages.setMaxLength(300)
        self.languages.setPlaceholderText("e.g. English, Amharic")
        self.country.setMaxLength(120)
        self.capacity = QSpinBox()
        self.capacity.setRange(0, MAX_CAPACITY)
        self.capacity.setValue(3)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        for name, text, editor in (
            ("name", "Name", self.name),
            ("native_name", "Name in own script", self.native_name),
            ("email", "Email", self.email),
            ("phone", "Phone", self.phone),
            ("specialty", "Specialty", self.specialty),
            ("site", "Site", self.site),
            ("former_img", "Former IMG", self.former_img),
            ("languages", "Languages", self.languages),
            ("country_of_training", "Country of training", self.country),
            ("capacity", "Capacity (mentees)", self.capacity),
            ("notes", "Notes", self.notes),
        ):
            self.add_field(name, text, editor)
        # After FieldRow, which pins an editor's minimum height to its (tall) size hint.
        self.notes.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        if mentor_id is not None:
            self.fill(mentor_id)

    def fill(self, mentor_id: int) -> None:
        record = self.service.get(mentor_id)
        self.version = record.version
        f = record.fields
        for editor, value in (
            (self.name, f.name), (self.native_name, f.native_name), (self.email, f.email),
            (self.phone, f.phone), (self.specialty, f.specialty), (self.site, f.site),
        ):  # fmt: skip
            editor.setText(value)
        self.former_img.setChecked(f.former_img)
        self.languages.setText(f.languages)
        self.country.setText(f.country_of_training)
        self.capacity.setValue(f.capacity)
        self.notes.setPlainText(f.notes)

    def fields(self) -> MentorFields:
        return MentorFields(
            name=self.name.text(),
            native_name=self.native_name.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            specialty=self.specialty.text(),
            former_img=self.former_img.isChecked(),
            capacity=self.capacity.value(),
            site=self.site.text(),
            notes=self.notes.toPlainText(),
            languages=self.languages.text(),
            country_of_training=self.country.text(),
        )

    def submit(self) -> None:
        if self.mentor_id is None:
            self.mentor_id = self.service.create(self.fields())
        else:
            self.version = self.service.update(self.mentor_id, self.fields(), self.version)


class RetireMentorDialog(FormDialog):
    """Retire a mentor on a day: their open assignments end that day, with the reason."""

    def __init__(
        self, env: ViewEnv, mentor_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        mentees = MentorService(env.ctx).mentees_of(mentor_id)
        heading = f"{name} will take no new mentees. " + (
            f"Their {plural(len(mentees), 'open assignment')} will end on the day below."
            if mentees
            else "They have no open assignment."
        )
        super().__init__(env, f"Retire {name}", heading, parent)
        self.service = MentorService(env.ctx)
        self.mentor_id = mentor_id
        self.on = DateEdit(env.today(), "Last day", today=env.today)
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText("e.g. moved to another hospital")
        self.add_field("on", "Last day", self.on)
        self.add_field("reason", "Reason", self.reason)
        self.save_button.setText("Retire")

    def submit(self) -> None:
        self.service.retire(self.mentor_id, required_date(self.on, "on"), self.reason.text())


class AssignDialog(FormDialog):
    """Assign the chosen mentor to a mentee, as a given kind of mentor, from a start date."""

    def __init__(
        self, env: ViewEnv, mentor_id: int, mentor_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(env, f"Assign {mentor_name}", f"Mentor: {mentor_name}", parent)
        self.service = MentorService(env.ctx)
        self.mentor_id = mentor_id
        self.mentee = MenteePicker()
        self.mentee.set_mentees(mentee_choices(env.ctx, active_only=True))
        self.kind = QComboBox()
        for kind in AssignmentKind:
            self.kind.addItem(label(kind), kind.value)
        self.start = DateEdit(env.today(), "Start date", today=env.today)
        self.add_field("mentee_id", "Mentee", self.mentee)
        self.add_field("kind", "Kind", self.kind)
        self.add_field("start", "Start date", self.start)

    def submit(self) -> None:
        mentee_id = self.mentee.value()
        if mentee_id is None:
            raise ValidationError({"mentee_id": "Choose a mentee."})
        kind = AssignmentKind(self.kind.currentData())
        self.service.assign(mentee_id, self.mentor_id, kind, required_date(self.start, "start"))
