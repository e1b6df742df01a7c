"""Every control has a name a screen reader can say, and the keyboard reaches all of it.

The app runs for real under Xvfb with a D-Bus session and the AT-SPI bus (what Orca uses);
``atspi_walk.py``, run by Debian's /usr/bin/python3 (python3-pyatspi), opens every view with
its shortcut, every menu, and the main dialogs from their menus, buttons or a table row (each
page of a dialog's tabs too), and reports each control that is showing, with its role, name,
place in the tree and extents, and where Tab took the focus.
This test holds that report to three rules:

* no control without a name (a label buddy or an accessible name gives one);
* Tab leaves every control and comes back round to where it started (no focus trap);
* the order Tab follows is reading order: top to bottom, left to right (a column to the
  right may start higher up), apart from the exceptions listed in ORDER_EXCEPTIONS.
"""

from __future__ import annotations

import ctypes.util
import fcntl
import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bridgedesk.ui.screens.registry import VIEWS

HERE = Path(__file__).resolve().parent
WALKER = HERE / "atspi_walk.py"
SYSTEM_PYTHON = "/usr/bin/python3"  # the Python python3-pyatspi is installed for
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"  # at-spi2-core
SCREEN = "1366x768x24"
ROW_TOLERANCE = 10  # pixels: controls whose tops differ by less share a row

# The dialogs walked: how a keyboard user opens each one (see atspi_walk.walk_dialog).
DIALOGS: list[dict[str, str]] = [
    {"title": "Mentee form", "keys": "ctrl+n"},
    {  # an existing mentee's record, every section: the first row opened with Enter
        "title": "Mentee record",
        "view": "Mentees",
        "table": "Mentees table",
        "keys": "down return",
    },
    {"title": "Check-in dialog", "view": "Timeline", "button": "Log check-in"},
    {"title": "Credential dialog", "view": "Deadlines", "button": "Add credential"},
    {"title": "Program settings", "keys": "alt+f s"},
    {"title": "Import roster", "keys": "alt+f i", "then": "esc"},  # the file chooser first
    {"title": "Export roster", "keys": "alt+f e"},
    {"title": "Backups", "keys": "alt+f b"},
    {"title": "Database", "keys": "alt+f d"},
    {"title": "About", "keys": "alt+h a"},
    {"title": "Suggest mentors", "view": "Mentors", "button": "Suggest mentors for a mentee"},
    {
        "title": "Match new mentees",
        "view": "Mentors",
        "button": "Match every mentee without a primary mentor",
    },
    {"title": "Matching weights", "view": "Mentors", "button": "Edit the matching weights"},
    {"title": "User guide", "keys": "f1", "close": "ctrl+w"},
]

# (window, from control, to control): Tab goes against reading order there, on purpose.
# None left: the schedule page's cells were widgets Tab reached last; they are delegates now.
ORDER_EXCEPTIONS: dict[tuple[str, str, str], str] = {}


def _missing_tools() -> list[str]:
    missing = [tool for tool in ("xvfb-run", "dbus-run-session") if shutil.which(tool) is None]
    for path, package in ((SYSTEM_PYTHON, "python3"), (BUS_LAUNCHER, "at-spi2-core")):
        if not Path(path).exists():
            missing.append(f"{path} ({package})")
    if ctypes.util.find_library("Xtst") is None:
        missing.append("libXtst (libxtst6)")
    if Path(SYSTEM_PYTHON).exists():
        probe = subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, text=True, check=False
        )
        if probe.returncode != 0:
            missing.append("pyatspi for /usr/bin/python3 (python3-pyatspi)")
    return missing


RUN_SCRIPT = """\
set -u
export QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1 QT_QPA_PLATFORM=xcb
{bus_launcher} --launch-immediately &
BUS=$!
sleep 1
{app} --data-dir "$DATA" > "$LOGS/app.log" 2>&1 &
APP=$!
{python} {walker} "$VIEWS_JSON" "$PLAN_JSON"
STATUS=$?
kill $APP $BUS 2>/dev/null
wait $APP 2>/dev/null
exit $STATUS
"""


@pytest.fixture(scope="module")
def walk(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> dict:
    """The walk, once per test run however pytest-xdist spreads this module's tests: the
    first worker walks (minutes), another waits on the lock and reads the same report."""
    base = tmp_path_factory.getbasetemp()
    shared = base if worker_id == "master" else base.parent  # one folder per run
    report = shared / "atspi-walk.json"
    with open(shared / "atspi-walk.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not report.exists():
            report.write_text(json.dumps(_walk_the_app(tmp_path_factory)), encoding="utf-8")
    return json.loads(report.read_text(encoding="utf-8"))


def _walk_the_app(tmp_path_factory: pytest.TempPathFactory) -> dict:
    missing = _missing_tools()
    if missing:
        pytest.fail(
            "the accessibility walk needs " + ", ".join(missing) + " (scripts/quickstart.sh "
            "installs them: python3-pyatspi at-spi2-core dbus-x11 xvfb)"
        )
    assert len(VIEWS) <= 9, "views are opened with Ctrl+1 ... Ctrl+9"
    work = tmp_path_factory.mktemp("a11y")
    data = work / "data"
    app = f"{shlex.quote(sys.executable)} -m bridgedesk"
    subprocess.run(
        [sys.executable, "-m", "bridgedesk", "--data-dir", str(data), "demo"],
        check=True,
        capture_output=True,
        timeout=300,
    )
    script = work / "run.sh"
    script.write_text(
        RUN_SCRIPT.format(
            bus_launcher=BUS_LAUNCHER,
            app=app,
            python=SYSTEM_PYTHON,
            walker=shlex.quote(str(WALKER)),
        )
    )
    env = {
        **os.environ,
        "DATA": str(data),
        "LOGS": str(work),
        "VIEWS_JSON": json.dumps([spec.title for spec in VIEWS]),
        "PLAN_JSON": json.dumps(DIALOGS),
        "HOME": str(work),  # the app's settings (last view, geometry) start fresh
    }
    env.pop("QT_QPA_PLATFORM", None)
    started = time.monotonic()
    done = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            f"-screen 0 {SCREEN}",
            "dbus-run-session",
            "--",
            "bash",
            str(script),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=1500,
        check=False,
    )
    seconds = time.monotonic() - started
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, (
        f"the walk failed (exit {done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    )
    result = json.loads(lines[-1])
    result["seconds"] = seconds
    print(f"\naccessibility walk: {seconds:.0f} s")
    for window in result["windows"]:
        print(f"  {window['kind']:7} {window['name']:20} {len(window['controls']):4} controls")
    print(f"  total {sum(len(w['controls']) for w in result['windows'])} controls")
    return result


def _windows(walk: dict, kind: str | None = None) -> list[dict]:
    return [w for w in walk["windows"] if kind is None or w["kind"] == kind]


@pytest.mark.slow  # the walk starts an X server, two D-Bus buses and the app
def test_every_view_and_dialog_was_walked(walk):
    assert walk["errors"] == []
    names = [w["name"] for w in walk["windows"]]
    assert [w["name"] for w in _windows(walk, "view")] == [spec.title for spec in VIEWS]
    assert [d["title"] for d in DIALOGS if d["title"] not in names] == []
    assert "Menus" in names
    for window in walk["windows"]:
        assert window["kind"] == "page" or len(window["controls"]) >= 1, window["name"]
    pages = [w["name"] for w in _windows(walk, "page")]
    assert "Mentee record / Goals" in pages, pages  # the record's sections were walked
    for view in _windows(walk, "view"):
        assert len(view["controls"]) >= 5, f"{view['name']}: only {view['controls']}"
    total = sum(len(w["controls"]) for w in walk["windows"])
    assert total > 300, f"only {total} controls found: the walk did not see the app"


@pytest.mark.slow  # the walk starts an X server, two D-Bus buses and the app
def test_every_control_has_a_name(walk):
    unnamed = [
        f"{w['name']}: {c['role']} at {c['path']}"
        for w in walk["windows"]
        for c in w["controls"]
        if not c["name"]
    ]
    unnamed += [  # whatever takes the focus is announced: a pane that does needs a name too
        f"{w['name']}: {s['role']} taking the focus at {s['extents']}"
        for w in walk["windows"]
        if w["tab"] is not None
        for s in w["tab"]["stops"]
        if not s["name"]
    ]
    assert unnamed == [], "controls without an accessible name:\n" + "\n".join(unnamed)


@pytest.mark.slow  # the walk starts an X server, two D-Bus buses and the app
def test_tab_leaves_every_control_and_comes_back_round(walk):
    traps = [
        f"{w['name']}: {w['tab']['trap']} (after {[s['name'] for s in w['tab']['stops']]})"
        for w in walk["windows"]
        if w["tab"] is not None and w["tab"]["trap"]
    ]
    assert traps == [], "focus traps:\n" + "\n".join(traps)
    for window in walk["windows"]:
        if window["tab"] is not None and len(window["controls"]) > 1:
            assert len(window["tab"]["stops"]) >= 2, f"{window['name']}: Tab reached nothing"


def follows(before: list[int], after: list[int], tolerance: int = ROW_TOLERANCE) -> bool:
    """Whether the control at ``after`` comes after the one at ``before`` in reading order.

    Below is after; on the same row, to the right is after; higher up is after only in a
    column that starts to the right of the control before (side-by-side panes are read one
    column at a time).
    """
    bx, by, bw, _bh = before
    ax, ay, _aw, _ah = after
    if ay >= by + tolerance:
        return True
    if abs(ay - by) < tolerance:
        return ax >= bx - tolerance
    return ax >= bx + bw - tolerance


def reading_order_breaks(window: dict) -> list[str]:
    """The Tab steps of one window that go against reading order.

    Tab goes round in a circle, so one step goes back up: the one onto the control that
    comes first in reading order (the top-most, then left-most). Each step's two extents
    were read at the same moment, so a scrolled form compares as the user sees it.
    """
    steps = [s for s in window["tab"]["steps"] if s["to"]["extents"][2] > 0]
    if not steps:
        return []
    start = min((s["to"] for s in steps), key=lambda c: (c["extents"][1], c["extents"][0]))
    breaks = []
    wrapped = False
    for step in steps:
        before, after = step["from"], step["to"]
        if follows(before["extents"], after["extents"]):
            continue
        if after == start and not wrapped:
            wrapped = True  # back to the start of the circle
            continue
        if (window["name"], before["name"], after["name"]) in ORDER_EXCEPTIONS:
            continue
        breaks.append(
            f"{window['name']}: {before['role']} {before['name']!r} {before['extents']} -> "
            f"{after['role']} {after['name']!r} {after['extents']}"
        )
    return breaks


@pytest.mark.slow  # the walk starts an X server, two D-Bus buses and the app
def test_tab_order_follows_reading_order(walk):
    breaks = [
        problem
        for window in walk["windows"]
        if window["tab"] is not None
        for problem in reading_order_breaks(window)
    ]
    assert breaks == [], "Tab goes against reading order:\n" + "\n".join(breaks)


def test_reading_order_rule_itself():
    """The rule the walk is held to, on positions laid out by hand."""
    assert follows([10, 10, 100, 20], [10, 40, 100, 20])  # the next row
    assert follows([10, 10, 100, 20], [120, 12, 50, 20])  # the same row, to the right
    assert follows([10, 300, 100, 20], [200, 10, 50, 20])  # the top of the next column
    assert not follows([120, 12, 50, 20], [10, 10, 100, 20])  # back to the left
    assert not follows([10, 40, 100, 20], [10, 10, 100, 20])  # back up
    assert not follows([10, 300, 300, 20], [200, 10, 50, 20])  # up, and not a new column
    ok = {"role": "push button", "name": "OK", "extents": [300, 200, 80, 25]}
    name = {"role": "text", "name": "Name", "extents": [10, 10, 200, 25]}
    email = {"role": "text", "name": "Email", "extents": [10, 40, 200, 25]}

    def circle(*stops: dict) -> dict:
        steps = [{"from": a, "to": b} for a, b in zip(stops, [*stops[1:], stops[0]], strict=True)]
        return {"name": "w", "tab": {"steps": steps}}

    assert reading_order_breaks(circle(ok, name, email)) == []  # OK -> Name: round to the top
    assert reading_order_breaks(circle(name, email, ok)) == []
    assert len(reading_order_breaks(circle(email, name, ok))) == 1  # Email -> Name goes back up
