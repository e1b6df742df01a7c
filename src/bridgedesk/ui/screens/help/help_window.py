"""Help ▸ User guide (F1): the guide's pages beside their contents, in a window of its own.

F1 opens the page for what is on screen: the view shown in the main window, or the window
in front when it names its own page (a widget with a ``help_page`` attribute, such as a
mentee's record). The window stays open beside the program and is reused.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QTimer, QUrl
from PySide6.QtGui import QImage, QKeySequence, QResizeEvent, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bridgedesk import APP_NAME
from bridgedesk.ui.screens.help.help_pages import (
    PAGES,
    START_PAGE,
    help_folder,
    page_path,
)

PAGE_KEY = Qt.ItemDataRole.UserRole
PICTURE_MARGIN = 40  # the page's margins and the scroll bar, beside a picture
SMALLEST_FIT = 320  # narrower than this, a picture keeps its size and the page scrolls


class GuideBrowser(QTextBrowser):
    """A rich-text browser whose pictures shrink, smoothly, to the width of the page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._laid_out_for = 0
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(150)
        self._refit.timeout.connect(self._fit_pictures)

    def fit_width(self) -> int:
        return max(SMALLEST_FIT, self.viewport().width() - PICTURE_MARGIN)

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 - Qt override
        data = super().loadResource(kind, url)
        if kind != QTextDocument.ResourceType.ImageResource.value:
            return data
        image = QImage()
        if isinstance(data, QImage):
            image = data
        elif isinstance(data, QByteArray | bytes):
            image.loadFromData(data)
        if image.isNull() or image.width() <= self.fit_width():
            return data
        self._laid_out_for = self.fit_width()
        return image.scaledToWidth(self.fit_width(), Qt.TransformationMode.SmoothTransformation)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self._laid_out_for and abs(self.fit_width() - self._laid_out_for) > 24:
            self._refit.start()

    def _fit_pictures(self) -> None:
        """Load the page again so its pictures are scaled for the new width; keep the place."""
        bar = self.verticalScrollBar()
        share = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self.reload()
        bar.setValue(round(share * bar.maximum()))


def page_named_by(widget: QWidget | None) -> str:
    """The ``help_page`` of ``widget`` or the nearest of its parents that names one."""
    while widget is not None:
        page = getattr(widget, "help_page", "")
        if isinstance(page, str) and page:
            return page
        widget = widget.parentWidget()
    return ""


def page_in_front() -> str:
    """The page named by the dialog in front (a modal one first), or ""."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return ""
    return page_named_by(app.activeModalWidget()) or page_named_by(app.activeWindow())


class HelpWindow(QWidget):
    """The user guide: contents on the left, the page on the right, Back and Forward above."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(f"{APP_NAME} user guide")
        self.setAccessibleName("User guide")
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)  # closing the program ends it
        self.resize(1200, 760)

        self.contents = QListWidget()
        self.contents.setAccessibleName("Contents of the guide")
        self.contents.setToolTip("The guide's pages: click one to read it")
        for page in PAGES:
            item = QListWidgetItem(page.title)
            item.setData(PAGE_KEY, page.key)
            self.contents.addItem(item)
        self.contents.setMinimumWidth(180)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contents.setWordWrap(True)
        self.contents.currentItemChanged.connect(self._contents_chosen)

        self.browser = GuideBrowser()
        self.browser.setAccessibleName("Guide page")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(help_folder())])
        self.browser.sourceChanged.connect(self._page_shown)
        self.back_button = QPushButton("◀ Back")
        self.back_button.setToolTip("The page you read before (Alt+Left)")
        self.forward_button = QPushButton("Forward ▶")
        self.forward_button.setToolTip("The page you went back from (Alt+Right)")
        self.home_button = QPushButton("Contents")
        self.home_button.setToolTip("The guide's first page, with every page listed")
        for button in (self.back_button, self.forward_button, self.home_button):
            button.setAccessibleName(button.text().strip("◀▶ "))
        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button.clicked.connect(self.browser.forward)
        self.home_button.clicked.connect(lambda: self.show_page(START_PAGE))
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)

        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.forward_button)
        buttons.addStretch(1)
        buttons.addWidget(self.home_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.browser, 1)
        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 970])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def show_page(self, key: str) -> None:
        """Show page ``key`` (the contents when there is no such page) and bring the window up."""
        path = page_path(key)
        if not path.is_file():
            path = page_path(START_PAGE)
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
        self.show()
        self.raise_()
        self.activateWindow()

    def current_page(self) -> str:
        """The key of the page shown: its file name without ``.html``."""
        name = self.browser.source().fileName()
        return name.removesuffix(".html")

    def _page_shown(self, url: QUrl) -> None:
        key = url.fileName().removesuffix(".html")  # source() may still name the page before
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            if item is not None and item.data(PAGE_KEY) == key:
                self.contents.blockSignals(True)
                self.contents.setCurrentRow(row)
                self.contents.blockSignals(False)
                break
        title = self.browser.documentTitle()
        self.setWindowTitle(
            f"{title} — {APP_NAME} user guide" if title else f"{APP_NAME} user guide"
        )

    def _contents_chosen(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None and item.data(PAGE_KEY) != self.current_page():
            self.show_page(str(item.data(PAGE_KEY)))
