"""The main window: navigation on the left, one view at a time on the right.

Views come from :mod:`bridgedesk.ui.screens.registry`; they are built the first time they are
shown, so start-up stays quick. Geometry and the last view are kept in the QSettings passed in.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bridgedesk import APP_NAME, __version__
from bridgedesk.domain.figures import ACTIVE_MENTEES, DUE_THIS_WEEK, definition, label
from bridgedesk.services.mentees.roster import RosterService
from bridgedesk.services.mentees.status_counts import mentee_counts
from bridgedesk.services.program import details as program_settings
from bridgedesk.ui import workers
from bridgedesk.ui.current_mentee import CurrentMentee
from bridgedesk.ui.main_menus import (
    build_menus_and_toolbar,
    open_program_settings,
    open_user_guide,
)
from bridgedesk.ui.screens.registry import VIEWS
from bridgedesk.ui.undo import UndoHistory
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.view_requests import connect_view_requests
from bridgedesk.ui.widgets.placeholder import PlaceholderView

if TYPE_CHECKING:
    import datetime as dt

    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDialog, QToolBar

    from bridgedesk.services.context import ServiceContext
    from bridgedesk.ui.lock.app_lock_controls import AppLockControls
    from bridgedesk.ui.screens.program_file.data_actions import DataActions
    from bridgedesk.ui.screens.welcome.getting_started_panel import GettingStartedPanel
    from bridgedesk.ui.screens.welcome.welcome import WelcomeView
    from bridgedesk.ui.startup.ready_probe import ReadyProbe
    from bridgedesk.ui.undo import EditActions

MENTEES = "mentees"
KEY_GEOMETRY = "main_window/geometry"
KEY_STATE = "main_window/state"
KEY_LAST_VIEW = "main_window/last_view"
WEEK_AHEAD_WAIT_MS = 10_000  # the status line waits at most this long for a loading view


def needs_welcome(env: ViewEnv) -> bool:
    """First start: the program has no name yet and nobody is on the roster."""
    return not program_settings.is_configured(env.ctx) and RosterService(env.ctx).count() == 0


def _week_ahead_sentence(ctx: ServiceContext, today: dt.date) -> str:
    """Run in a worker: the module is imported there, off the start-up path."""
    from bridgedesk.services.timeline.week_ahead import week_ahead

    return week_ahead(ctx, today).sentence()


class MainWindow(QMainWindow):
    """Navigation between the views, the first-start page and the status line.

    Menus and toolbar come from :mod:`bridgedesk.ui.main_menus`, which sets these actions.
    """

    new_mentee_action: QAction
    program_settings_action: QAction
    program_settings_dialog: QDialog | None = None
    quit_action: QAction
    find_action: QAction
    about_action: QAction
    guide_action: QAction
    help_window: QWidget | None = None  # Help ▸ User guide, made when first opened
    getting_started: GettingStartedPanel | None = None  # on a new program until hidden
    view_actions: list[QAction]
    data_actions: DataActions
    app_lock: AppLockControls
    edit_actions: EditActions
    toolbar: QToolBar
    ready_probe: ReadyProbe | None  # set by bridgedesk.ui.app.run, which keeps the probe alive

    def __init__(self, env: ViewEnv, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.settings = settings
        self.views: dict[str, QWidget] = {}
        self._week_ahead_pending = False
        self._loading_view: QWidget | None = None
        self.setMinimumSize(QSize(760, 500))

        self.nav = QListWidget()
        self.nav.setAccessibleName("Views")
        self.nav.addItems([spec.title for spec in VIEWS])
        self.nav.setSpacing(3)
        self.nav.setFixedWidth(max(150, self.nav.sizeHintForColumn(0) + 36))
        self.stack = QStackedWidget()
        for _spec in VIEWS:
            self.stack.addWidget(QWidget())  # replaced by the real view when first shown
        workspace = QWidget()
        row = QHBoxLayout(workspace)
        row.setContentsMargins(6, 6, 0, 0)
        row.addWidget(self.nav)
        self.views_column = QVBoxLayout()  # a new program's getting-started list goes on top
        self.views_column.setContentsMargins(0, 0, 0, 0)
        self.views_column.addWidget(self.stack, 1)
        row.addLayout(self.views_column, 1)
        self.pages = QStackedWidget()
        self.workspace = workspace
        self.pages.addWidget(workspace)
        self.setCentralWidget(self.pages)
        self.nav.currentRowChanged.connect(self._show_row)
        if env.undo is None:
            env.undo = UndoHistory(env.dialogs, self)
        env.current = CurrentMentee(self)  # the mentee Timeline, Checklists, Deadlines share
        env.undo.changed.connect(lambda: self._show_row(self.nav.currentRow()))  # reload

        build_menus_and_toolbar(self)  # the actions below are set there
        self.statusBar().showMessage("Ready")
        self.week_label = QLabel()
        self.week_label.setAccessibleName("Due this week")
        self.week_label.setToolTip(definition(DUE_THIS_WEEK))
        self.statusBar().addPermanentWidget(self.week_label)
        self.welcome: WelcomeView | None = None
        if needs_welcome(env):
            self._show_welcome()
        else:
            self._enter_workspace()
        self._restore_geometry()

    # -- first start -----------------------------------------------------------------------
    def _show_welcome(self) -> None:
        from bridgedesk.ui.screens.welcome.welcome import WelcomeView  # first start only

        self.welcome = WelcomeView(self.env)
        self.welcome.program_started.connect(self._enter_workspace)
        self.welcome.restored.connect(self.close)
        self.pages.addWidget(self.welcome)
        self.pages.setCurrentWidget(self.welcome)
        self.toolbar.setEnabled(False)
        for action in (*self.view_actions, self.new_mentee_action, self.find_action):
            action.setEnabled(False)
        self._update_title()

    def _enter_workspace(self) -> None:
        self.toolbar.setEnabled(True)
        for action in (*self.view_actions, self.new_mentee_action, self.find_action):
            action.setEnabled(True)
        self.pages.setCurrentWidget(self.workspace)
        if self.welcome is not None:
            self.pages.removeWidget(self.welcome)
            self.welcome.deleteLater()
            self.welcome = None
        self._offer_getting_started()
        last = str(self.settings.value(KEY_LAST_VIEW, MENTEES))
        self.show_view(last if any(s.key == last for s in VIEWS) else MENTEES)
        self._update_title()
        self._show_mentee_count()

    def _offer_getting_started(self) -> None:
        from bridgedesk.ui.screens.welcome.getting_started_setup import (
            MenuSteps,
            offer_getting_started,
        )

        menus = MenuSteps(
            lambda tab: open_program_settings(self, tab),
            lambda: open_user_guide(self, "getting-started"),
        )
        self.getting_started = offer_getting_started(self, self.views_column, menus)

    def after_program_settings(self) -> None:
        """Names, sites or reasons changed in Program settings: the title and the view follow."""
        self._update_title()
        if not self.on_welcome:
            self._show_row(self.nav.currentRow())

    def _update_title(self) -> None:
        name = program_settings.load(self.env.ctx).program_name
        self.setWindowTitle(f"{APP_NAME} — {name}" if name else APP_NAME)

    @property
    def on_welcome(self) -> bool:
        return self.welcome is not None and self.pages.currentWidget() is self.welcome

    # -- views -----------------------------------------------------------------------------
    def view(self, key: str) -> QWidget:
        """The view for ``key``, built on first use."""
        if key not in self.views:
            index = next(i for i, s in enumerate(VIEWS) if s.key == key)
            spec = VIEWS[index]
            widget = (
                spec.factory(self.env)
                if spec.factory
                else PlaceholderView(spec.title, spec.description)
            )
            old = self.stack.widget(index)
            assert old is not None  # the stack holds a page for every view
            self.stack.removeWidget(old)
            old.deleteLater()
            self.stack.insertWidget(index, widget)
            self.views[key] = widget
            connect_view_requests(
                widget,
                self.open_mentee,
                self.show_mentee_report,
                self.show_mentee_in,
                self.show_target,
            )
            changed = getattr(widget, "mentee_changed", None)  # the roster: saved or deleted
            if changed is not None:
                changed.connect(lambda _id: self._show_mentee_count())
            generated = getattr(widget, "generated", None)  # the Reports view: a report made
            if generated is not None and self.getting_started is not None:
                generated.connect(self.getting_started.report_made)
        return self.views[key]

    def show_view(self, key: str) -> QWidget:
        index = next(i for i, s in enumerate(VIEWS) if s.key == key)
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)  # comes back through _show_row
        return self.view(key)

    def _show_row(self, index: int) -> None:
        if not 0 <= index < len(VIEWS):
            return
        key = VIEWS[index].key
        fresh = key not in self.views
        widget = self.view(key)
        self.stack.setCurrentWidget(widget)
        refresh = getattr(widget, "refresh", None)
        if callable(refresh) and not fresh:
            refresh()
        if self.getting_started is not None and self.getting_started.isVisible():
            self.getting_started.refresh()
        self.settings.setValue(KEY_LAST_VIEW, key)
        self._show_mentee_count()  # an edit in the last view may have changed it, and what is due

    def current_key(self) -> str:
        return VIEWS[self.nav.currentRow()].key

    def roster(self):
        return self.view(MENTEES)

    def focus_search(self) -> None:
        self.show_view(MENTEES)
        self.roster().focus_search()

    def show_mentee_in(self, key: str, mentee_id: int) -> None:
        """Show view ``key`` on one mentee (views that can focus one define ``select_mentee``)."""
        self.env.current.choose(mentee_id)
        view = self.show_view(key)
        focus = getattr(view, "select_mentee", None)
        if callable(focus):
            focus(mentee_id)

    def show_target(
        self, key: str, mentee_id: int | None, item_kind: str = "", item_id: int | None = None
    ) -> QWidget:
        """Open view ``key`` on a mentee and select one of their items (views that can define
        ``select_item(kind, id)``); for the roster, the mentee's record at the tab named by
        ``item_kind``."""
        if key == MENTEES and mentee_id is not None:
            self.open_mentee(mentee_id)
            form = self.roster().current_form
            if form is not None and item_kind:
                form.show_section(item_kind)  # e.g. the record's Mentors tab
            return self.roster()
        view = self.show_view(key)
        focus = getattr(view, "select_mentee", None)
        if mentee_id is not None and callable(focus):
            focus(mentee_id)
        select = getattr(view, "select_item", None)
        if item_id is not None and callable(select):
            select(item_kind, item_id)
        return view

    def show_mentee_report(self, mentee_id: int) -> None:
        from bridgedesk.ui.screens.reports.reports_view import ReportsView  # loaded with the view

        view = self.show_view("reports")
        assert isinstance(view, ReportsView)
        view.show_mentee_report(mentee_id)

    def open_mentee(self, mentee_id: int) -> None:
        self.env.current.choose(mentee_id)
        self.show_view(MENTEES)
        self.roster().open_mentee(mentee_id)

    def _after_import(self, _count: int) -> None:
        self._show_row(self.nav.currentRow())  # the view on screen shows the new mentees
        self._show_mentee_count()

    def _show_mentee_count(self) -> None:
        """The standing count: active mentees (figures.ACTIVE_MENTEES), as the roster counts."""
        active = mentee_counts(self.env.ctx).active
        self.statusBar().showMessage(f"{label(ACTIVE_MENTEES)}: {active:,}")
        self.statusBar().setToolTip(definition(ACTIVE_MENTEES))
        self.show_week_ahead()

    def show_week_ahead(self) -> None:
        """The status bar's standing line: what falls due in the next seven days.

        Asked for several times in one turn of the event loop (at start: the first view and
        the mentee count), it is worked out once, after that turn, so the background query
        does not compete with building and filling the first view.
        """
        if self._week_ahead_pending:
            return
        self._week_ahead_pending = True
        QTimer.singleShot(0, self, self._start_week_ahead)

    def _start_week_ahead(self, waited: bool = False) -> None:
        view = self.stack.currentWidget()
        loaded = getattr(view, "loaded", None)
        if not waited and getattr(view, "loading", False) and loaded is not None:
            # The view on screen is still loading off the GUI thread: its rows come first
            # (with 10,000 mentees both queries take about a second), the status line after.
            self._loading_view = view
            loaded.connect(self._after_view_loaded)
            QTimer.singleShot(WEEK_AHEAD_WAIT_MS, self, self._after_view_loaded)  # if it fails
            return
        self._week_ahead_pending = False
        ctx, today = self.env.ctx, self.env.today()
        workers.start(
            lambda: _week_ahead_sentence(ctx, today),
            self.week_label.setText,
            lambda _message: self.week_label.setText(""),
        )

    def _after_view_loaded(self) -> None:
        view, self._loading_view = self._loading_view, None
        if view is None:
            return
        with contextlib.suppress(RuntimeError, TypeError):  # already gone with its view
            loaded = getattr(view, "loaded", None)
            if loaded is not None:
                loaded.disconnect(self._after_view_loaded)
        self._start_week_ahead(waited=True)

    def new_mentee(self) -> None:
        self.show_view(MENTEES)
        self.roster().new_mentee()

    def show_about(self) -> None:
        self.env.dialogs.info(
            self,
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\n\nStructured mentorship for international medical graduates.\n"
            f"Data folder: {self.env.paths.root}",
        )

    # -- remembering the window ------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.value(KEY_GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)
        state = self.settings.value(KEY_STATE)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.settings.setValue(KEY_GEOMETRY, self.saveGeometry())
        self.settings.setValue(KEY_STATE, self.saveState())
        self.settings.sync()
        super().closeEvent(event)
