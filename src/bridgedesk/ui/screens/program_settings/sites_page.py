"""The program's sites: add one, rename one, merge one into another (a typo that became a site,
two names for one hospital). Every mentee and mentor follows their site's new name."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

from bridgedesk.services.program import sites as site_service
from bridgedesk.services.program.sites import SiteRow
from bridgedesk.ui.formatting import plural
from bridgedesk.ui.models.text_rows_model import TextRowsModel
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.form_dialog import FormDialog
from bridgedesk.ui.widgets.settings_lists import list_page_buttons, list_table, plain_text

NAME, STATE, MENTEES, MENTORS = range(4)
HEADERS = ("Site", "State", "Mentees", "Mentors")


class SiteDialog(FormDialog):
    """A new site, or a site's new name and state."""

    def __init__(self, env: ViewEnv, row: SiteRow | None = None, parent=None) -> None:
        title = "Rename site" if row else "Add site"
        super().__init__(env, title, "" if row is None else f"Now “{row.name}”.", parent)
        self.row = row
        self.name = QLineEdit(row.name if row else "")
        self.name.setMaxLength(site_service.MAX_NAME)
        self.state = QLineEdit(row.state if row else "")
        self.state.setMaxLength(site_service.MAX_STATE)
        self.state.setPlaceholderText("e.g. Montana")
        self.add_field("name", "Name", self.name)
        self.add_field("state", "State", self.state)

    def submit(self) -> None:
        if self.row is None:
            site_service.add_site(self.env.ctx, self.name.text(), self.state.text())
        else:
            site_service.edit_site(self.env.ctx, self.row.id, self.name.text(), self.state.text())


class MergeSiteDialog(FormDialog):
    """Move a site's mentees and mentors to another site, then remove the first."""

    def __init__(
        self, env: ViewEnv, row: SiteRow, others: list[SiteRow], parent: QWidget | None = None
    ) -> None:
        people = plural(row.mentees, "mentee") + " and " + plural(row.mentors, "mentor")
        super().__init__(
            env, f"Merge {row.name}",
            f"The {people} of “{row.name}” move to the site chosen below, and “{row.name}” is "
            "removed.", parent,
        )  # fmt: skip
        self.row = row
        self.target = QComboBox()
        for other in others:
            self.target.addItem(other.name, other.id)
        self.add_field("target", "Into", self.target)
        self.save_button.setText("Merge")

    def submit(self) -> None:
        site_service.merge_sites(self.env.ctx, self.row.id, int(self.target.currentData()))


class SitesPage(QWidget):
    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.rows: list[SiteRow] = []
        self.current_dialog: FormDialog | None = None
        intro = plain_text(
            "Every mentee and mentor belongs to a site. A roster import naming a site the "
            "program lacks asks before creating it; merge one made by mistake into the right one."
        )
        self.model = TextRowsModel(HEADERS)
        self.table = list_table(self.model, "Sites", NAME)
        buttons, row = list_page_buttons(
            ("Add site…", self.add), ("Rename…", self.rename), ("Merge into…", self.merge)
        )
        self.add_button, self.rename_button, self.merge_button = buttons
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        self.rows = site_service.sites(self.env.ctx)
        self.model.set_rows(
            [(r.id, (r.name, r.state, str(r.mentees), str(r.mentors)), False) for r in self.rows]
        )
        self._update_buttons()

    def selected(self) -> SiteRow | None:
        index = self.table.currentIndex()
        return self.rows[index.row()] if index.isValid() else None

    def select(self, name: str) -> None:
        for n, row in enumerate(self.rows):
            if row.name == name:
                self.table.setCurrentIndex(self.model.index(n, 0))

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.rename_button.setEnabled(chosen is not None)
        self.merge_button.setEnabled(chosen is not None and len(self.rows) > 1)

    def _open(self, dialog: FormDialog) -> FormDialog:
        dialog.saved.connect(self.refresh)
        dialog.finished.connect(lambda _code: dialog.deleteLater())
        self.current_dialog = dialog
        dialog.open()
        return dialog

    def add(self) -> FormDialog:
        return self._open(SiteDialog(self.env, parent=self))

    def rename(self) -> FormDialog | None:
        chosen = self.selected()
        return None if chosen is None else self._open(SiteDialog(self.env, chosen, self))

    def merge(self) -> FormDialog | None:
        chosen = self.selected()
        if chosen is None:
            return None
        others = [r for r in self.rows if r.id != chosen.id]
        return self._open(MergeSiteDialog(self.env, chosen, others, self))
