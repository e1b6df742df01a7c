"""Walk a running BridgeDesk through the AT-SPI accessibility bus; print what was found as JSON.

Run by Debian's /usr/bin/python3, the only Python with ``pyatspi`` (package python3-pyatspi),
inside the X server and D-Bus session that ``test_keyboard_and_names.py`` starts with the app.
It only reads the tree and sends keys, as a screen-reader user would:

* each view is opened with its shortcut (Ctrl+1 ... Ctrl+9), each menu with Alt and its
  letter; each dialog with its menu's keys (Alt+F then the item's letter), by focusing its
  button and pressing Space, or a table's row with Down and Enter; each page of a window's
  tab widget is chosen in turn;
* every control that is showing is collected with its role, its accessible name (or, for a
  combo box, the label Qt gives it on Linux: its labelled-by relation or its description),
  its path in the tree and its extents;
* Tab is pressed until focus comes back to where it started; each focused control is
  recorded, so the test can find a control that keeps the focus and check reading order.

Usage: atspi_walk.py VIEWS_JSON PLAN_JSON   (both lists, made by the test); prints one JSON object.
Keys are typed through XTest, as a keyboard would, to the window holding the X input focus;
without a window manager nothing gives a window the focus, so the walker sets it on the top
window itself (Xlib and libXtst through ctypes: Debian's Python has no Xlib module).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import sys
import time

import pyatspi
from gi.repository import Atspi, GLib

APP_NAME = "BridgeDesk"
TAB = 0xFF09
ESCAPE = 0xFF1B
SPACE = 0x20
MAX_TABS = 250  # the longest chain (the schedule's cells: 3 a row) is about 100 stops
MAX_INNER_TABS = 60  # Tab inside one control (the links of a help page) before it must leave

# Roles a user operates: these must be named. Cells and items are named by their table or list.
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_TEXT,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_TABLE,
    pyatspi.ROLE_TREE_TABLE,
    pyatspi.ROLE_TREE,
    pyatspi.ROLE_LIST,
    pyatspi.ROLE_LIST_BOX,
    pyatspi.ROLE_PAGE_TAB,
    pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_CHECK_MENU_ITEM,
    pyatspi.ROLE_RADIO_MENU_ITEM,
    pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_DATE_EDITOR,
}
# Their children are rows, cells or items, not separate controls.
CONTAINERS = {
    pyatspi.ROLE_TABLE,
    pyatspi.ROLE_TREE_TABLE,
    pyatspi.ROLE_TREE,
    pyatspi.ROLE_LIST,
    pyatspi.ROLE_LIST_BOX,
    pyatspi.ROLE_COMBO_BOX,
}
ITEM_ROLES = {
    pyatspi.ROLE_TABLE_CELL,
    pyatspi.ROLE_LIST_ITEM,
    pyatspi.ROLE_TREE_ITEM,
    pyatspi.ROLE_COLUMN_HEADER,
    pyatspi.ROLE_ROW_HEADER,
    pyatspi.ROLE_TABLE_ROW,
}


# -- the X input focus (no window manager under Xvfb) --------------------------------------
class _Attributes(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("border_width", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p),
        ("root", ctypes.c_ulong),
        ("c_class", ctypes.c_int),
        ("bit_gravity", ctypes.c_int),
        ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int),
        ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong),
        ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int),
        ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long),
        ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int),
        ("screen", ctypes.c_void_p),
    ]


class XServer:
    """Keys through XTest; the input focus to the top-most window, as a window manager would."""

    def __init__(self) -> None:
        x = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        ulong_p = ctypes.POINTER(ctypes.c_ulong)
        x.XQueryTree.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ulong_p,
            ulong_p,
            ctypes.POINTER(ulong_p),
            ctypes.POINTER(ctypes.c_uint),
        ]
        x.XGetWindowAttributes.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(_Attributes),
        ]
        x.XSetInputFocus.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_ulong]
        x.XFlush.argtypes = [ctypes.c_void_p]
        x.XFree.argtypes = [ctypes.c_void_p]
        x.XKeysymToKeycode.restype = ctypes.c_ubyte
        x.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        xtst = ctypes.cdll.LoadLibrary(ctypes.util.find_library("Xtst") or "libXtst.so.6")
        xtst.XTestFakeKeyEvent.argtypes = [
            ctypes.c_void_p,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_ulong,
        ]
        self.x, self.xtst = x, xtst
        self.display = x.XOpenDisplay(None)
        if not self.display:
            raise SystemExit("no X display")

    def top_window(self) -> int | None:
        x, root = self.x, self.x.XDefaultRootWindow(self.display)
        parent, top = ctypes.c_ulong(), ctypes.c_ulong()
        children, count = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
        x.XQueryTree(
            self.display,
            root,
            ctypes.byref(top),
            ctypes.byref(parent),
            ctypes.byref(children),
            ctypes.byref(count),
        )
        found = None
        for i in range(count.value):  # bottom to top in stacking order
            attributes = _Attributes()
            x.XGetWindowAttributes(self.display, children[i], ctypes.byref(attributes))
            mapped = attributes.map_state == 2  # IsViewable
            if mapped and not attributes.override_redirect and attributes.width > 1:
                found = children[i]
        if children:
            x.XFree(children)
        return found

    def key(self, syms: list[int]) -> None:
        """Press the keys in order, then release them in reverse (a chord such as Ctrl+N)."""
        codes = [self.x.XKeysymToKeycode(self.display, sym) for sym in syms]
        for code in codes:
            self.xtst.XTestFakeKeyEvent(self.display, code, 1, 0)
            self.x.XFlush(self.display)
            pump(0.03)
        pump(0.15)  # as a hand would: a menu opened by Alt+F has the keyboard before Alt is up
        for code in reversed(codes):
            self.xtst.XTestFakeKeyEvent(self.display, code, 0, 0)
            self.x.XFlush(self.display)
            pump(0.03)

    def focus_top(self) -> None:
        window = self.top_window()
        if window is not None:
            self.x.XSetInputFocus(self.display, window, 2, 0)  # RevertToParent, CurrentTime
            self.x.XFlush(self.display)


# -- events and keys ------------------------------------------------------------------------
focus_events: list[object] = []


def _on_focus(event) -> None:
    if event.detail1:
        focus_events.append(event.source)


def pump(seconds: float) -> None:
    """Let the AT-SPI events in (the walker has no main loop of its own)."""
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while True:
        while context.iteration(False):
            pass
        if time.monotonic() >= end:
            return
        time.sleep(0.02)


KEYSYMS = {
    "ctrl": 0xFFE3,
    "alt": 0xFFE9,
    "esc": ESCAPE,
    "space": SPACE,
    "tab": TAB,
    "f1": 0xFFBE,
    "down": 0xFF54,
    "return": 0xFF0D,
}
X: XServer | None = None  # set by main()


def key(sym: int) -> None:
    assert X is not None
    X.key([sym])


def keys(text: str) -> None:
    """'ctrl+3', 'alt+f s', 'esc', 'space', 'f1': chords separated by spaces."""
    assert X is not None
    for chord in text.split():
        X.key([KEYSYMS[part] if len(part) > 1 else ord(part) for part in chord.split("+")])
        pump(0.35)


# -- the tree -------------------------------------------------------------------------------
def children(node) -> list:
    out = []
    try:
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is not None:
                out.append(child)
    except Exception:  # a window closing while it is read
        pass
    return out


def showing(node) -> bool:
    try:
        return node.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:
        return False


def extents(node) -> list[int]:
    try:
        box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        return [box.x, box.y, box.width, box.height]
    except Exception:
        return [0, 0, 0, 0]


def label_of(node) -> str:
    """What a screen reader announces as the control's name.

    Qt on Linux reports a combo box's current value as its name and leaves its label to the
    labelled-by relation (a QLabel buddy) and the description (accessible description or
    tooltip); for the other roles the accessible name is the label.
    """
    role = node.getRole()
    if role != pyatspi.ROLE_COMBO_BOX:
        return (node.name or "").strip()
    try:
        for relation in node.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                for i in range(relation.getNTargets()):
                    target = relation.getTarget(i)
                    if target is not None and (target.name or "").strip():
                        return target.name.strip()
    except Exception:
        pass
    return (node.description or "").strip()


def describe(node, path: str) -> dict:
    return {
        "role": node.getRoleName(),
        "name": label_of(node),
        "path": path,
        "extents": extents(node),
    }


def collect(root, path: str = "") -> list[dict]:
    """Every showing control under ``root``, with its path of role:name steps."""
    found = []
    for child in children(root):
        if not showing(child):
            continue
        step = f"{child.getRoleName()}:{(child.name or '')[:40]}"
        where = f"{path}/{step}" if path else step
        role = child.getRole()
        if role in CONTROL_ROLES and role not in ITEM_ROLES:
            found.append(describe(child, where))
        if role not in CONTAINERS:
            found.extend(collect(child, where))
        elif role == pyatspi.ROLE_COMBO_BOX:  # an editable combo's own text field
            found.extend(
                describe(c, f"{where}/{c.getRoleName()}")
                for c in children(child)
                if c.getRole() == pyatspi.ROLE_TEXT and showing(c)
            )
    return found


def control_of(node):
    """A focused cell or item stands for its table or list (a control in a cell, such as a
    cell's editor or a combo box placed in it, is a control of its own)."""
    try:
        if node.getRole() not in ITEM_ROLES:
            return node
        parent = node.parent
        while parent is not None and parent.getRole() not in CONTAINERS:
            parent = parent.parent
        if parent is not None:
            return parent
    except Exception:
        pass
    return node


def identity(node) -> str:
    """A window's identity; one that no longer answers (closed meanwhile) is "gone"."""
    for _ in range(3):
        try:
            return f"{getattr(node, 'path', '')}|{node.getRoleName()}|{node.name}"
        except GLib.GError:
            time.sleep(1)  # a busy app (CI runs other tests beside it) answers late
    return f"gone|{id(node)}"


def focusable_count(node) -> int:
    """Controls under ``node`` that Tab could reach (a message's selectable text is not one)."""
    count = 0
    for child in children(node):
        if not showing(child):
            continue
        state = child.getState()
        focusable = state.contains(pyatspi.STATE_FOCUSABLE) and state.contains(
            pyatspi.STATE_ENABLED
        )
        if focusable and child.getRole() in CONTROL_ROLES:
            count += 1
        if child.getRole() not in CONTAINERS:
            count += focusable_count(child)
    return count


def tab_walk(window) -> dict:
    """Press Tab until focus is back on the first control it reached; record each step.

    A step holds both controls' extents read when the focus arrived, so the two are compared
    as placed on screen at that moment (a scrolling form moves its inputs as the focus goes
    down it). The last step is the one back to the start.
    """
    nodes: list = []
    seen: list[str] = []
    steps: list[dict] = []
    trap = ""
    for _ in range(MAX_TABS):
        focus_events.clear()
        key(TAB)
        pump(0.25)
        for _ in range(20):  # a busy machine delivers the event late
            if focus_events:
                break
            pump(0.1)
        pump(0.05)  # a control's parts may report the focus one after the other
        if not focus_events and not nodes and focusable_count(window) <= 1:
            break  # one control only (a message's OK button): Tab rightly stays on it
        for _ in range(MAX_INNER_TABS):  # a page's links take Tab in turn, then let it go
            if focus_events:
                break
            key(TAB)
            pump(0.3)
        if not focus_events:
            where = f" on {nodes[-1].getRoleName()} {nodes[-1].name!r}" if nodes else ""
            trap = f"the focus stays{where}: {MAX_INNER_TABS} more presses of Tab did not move it"
            break
        node = control_of(focus_events[-1])
        ident = identity(node)
        if nodes:
            steps.append({"from": describe(nodes[-1], ""), "to": describe(node, "")})
        if seen and ident == seen[-1]:
            trap = f"Tab stays on {node.getRoleName()} {node.name!r}"
            break
        if seen and ident == seen[0]:
            break  # the cycle is complete
        if ident in seen:
            trap = f"the focus cycles back to {node.getRoleName()} {node.name!r} before the start"
            break
        seen.append(ident)
        nodes.append(node)
    else:
        trap = f"focus did not come back to its start in {MAX_TABS} presses of Tab"
    stops = [step["to"] for step in steps[-1:]] + [step["to"] for step in steps[:-1]]
    return {
        "stops": stops if not trap else [describe(n, "") for n in nodes],
        "steps": steps,
        "trap": trap,
    }


def find_app():
    for _ in range(200):
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            if app.name == APP_NAME and children(app):
                # Read states live: with a focus listener registered, libatspi would keep
                # states it caches from events, and Qt sends none when a menu or a page shows.
                app.set_cache_mask(Atspi.Cache.NONE)
                return app
        time.sleep(0.3)
    raise SystemExit("BridgeDesk did not appear on the accessibility bus")


def windows(app) -> list:
    return [w for w in children(app) if showing(w)]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def window_names(app) -> list[str]:
    return [f"{w.getRoleName()}:{w.name}" for w in windows(app)]


# The main window is the one frame; what opens from it is a dialog, an alert or a window.
NOT_WINDOWS = {
    pyatspi.ROLE_FRAME,
    pyatspi.ROLE_TOOL_TIP,
    pyatspi.ROLE_POPUP_MENU,
    pyatspi.ROLE_MENU,
}


def wait_new_window(app, before: list, seconds: float = 6.0):
    known = {identity(w) for w in before}
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pump(0.2)
        for window in windows(app):
            if identity(window) not in known and window.getRole() not in NOT_WINDOWS:
                return window
    return None


def open_menu():
    """The popup menu that is open: the parent of the menu item that took the focus (Qt
    reports no state change when a menu shows, but it does move the focus)."""
    for node in reversed(focus_events):
        try:
            if node.getRole() == pyatspi.ROLE_MENU_ITEM and node.parent is not None:
                if node.parent.getRole() == pyatspi.ROLE_MENU_BAR:  # a menu with no item enabled
                    return next(iter(children(node)), None)
                return node.parent
        except Exception:
            continue
    return None


def focus_window(window, focus: XServer) -> None:
    """Give the window the keyboard and wait until Qt reports it active."""
    for _ in range(3):
        focus.focus_top()
        for _ in range(10):
            pump(0.1)
            if window.getState().contains(pyatspi.STATE_ACTIVE):
                return


def open_with_keys(app, frame, chords: str, before: list, focus: XServer):
    """Send the chords (waiting for a menu to be open before its item's letter); retried,
    since a busy machine can drop a key sent while a menu is still opening."""
    for _attempt in range(3):
        focus_window(frame, focus)
        for chord in chords.split():
            focus_events.clear()
            keys(chord)
            if chord.startswith("alt+") and len(chord) == 5:
                for _ in range(25):
                    if open_menu() is not None:
                        break
                    pump(0.2)
                else:
                    break  # no menu: its letter would be typed into the field with the focus
        else:
            window = wait_new_window(app, before)
            if window is not None:
                return window
        for _ in range(2):  # a menu left open
            keys("esc")
    return None


def find(node, role, name: str):
    for child in children(node):
        if not showing(child):
            continue
        if child.getRole() == role and (child.name or "") == name:
            return child
        if child.getRole() not in CONTAINERS:
            hit = find(child, role, name)
            if hit is not None:
                return hit
    return None


def press_button(window, name: str) -> bool:
    button = find(window, pyatspi.ROLE_PUSH_BUTTON, name)
    if button is None:
        return False
    button.queryComponent().grabFocus()
    pump(0.3)
    keys("space")
    return True


def page_tabs(window) -> list:
    lists = []

    def visit(node) -> None:
        for child in children(node):
            if not showing(child):
                continue
            if child.getRole() == pyatspi.ROLE_PAGE_TAB_LIST:
                lists.append(child)
            elif child.getRole() not in CONTAINERS:
                visit(child)

    visit(window)
    return lists


def walk_window(window, title: str, kind: str, focus: XServer) -> list[dict]:
    """The window's controls and one Tab cycle; then the same for each further page of its
    (first) tab widget, as "Title / Page" with the controls that page adds."""
    focus_window(window, focus)
    controls = collect(window, title)
    walked = [{"name": title, "kind": kind, "controls": controls, "tab": tab_walk(window)}]
    seen = {c["path"] for c in controls}
    for tabs in page_tabs(window)[:1]:
        names = [t.name or "" for t in children(tabs) if t.getRole() == pyatspi.ROLE_PAGE_TAB]
        for index in range(1, len(names)):
            try:
                tabs.querySelection().selectChild(index)
            except Exception:
                continue
            pump(0.6)
            added = [c for c in collect(window, title) if c["path"] not in seen]
            seen.update(c["path"] for c in added)
            focus_window(window, focus)
            page = {"name": f"{title} / {names[index]}", "kind": "page", "controls": added}
            page["tab"] = tab_walk(window)
            walked.append(page)
        if names:
            tabs.querySelection().selectChild(0)
            pump(0.4)
    return walked


def nav_selection(frame) -> str:
    nav = find(frame, pyatspi.ROLE_LIST, "Views")
    if nav is None:
        return ""
    for item in children(nav):
        if item.getState().contains(pyatspi.STATE_SELECTED):
            return item.name or ""
    return ""


def walk_menus(frame, focus: XServer) -> dict:
    """Open each menu of the menu bar with Alt and its letter; collect its items."""
    controls: list[dict] = []
    bars = [c for c in children(frame) if c.getRole() == pyatspi.ROLE_MENU_BAR]
    titles = [item.name or "" for bar in bars for item in children(bar)]
    controls.extend(
        describe(item, f"menu bar/{item.name}") for bar in bars for item in children(bar)
    )
    errors = []
    for title in titles:
        letter = title[:1].lower()
        popup = None
        for _attempt in range(3):
            focus_window(frame, focus)
            focus_events.clear()
            keys(f"alt+{letter}")
            for _ in range(15):
                popup = open_menu()
                if popup is not None:
                    break
                pump(0.2)
            if popup is not None:
                break
        if popup is None:
            errors.append(f"Alt+{letter.upper()} did not open the {title} menu")
            continue
        controls.extend(  # a closed menu's items do not show: take them all
            describe(item, f"menu bar/{title}/{item.getRoleName()}:{item.name}")
            for item in children(popup)
            if item.getRole() in CONTROL_ROLES
            and not item.getState().contains(
                pyatspi.STATE_INVISIBLE
                if hasattr(pyatspi, "STATE_INVISIBLE")
                else pyatspi.STATE_INVALID
            )
        )
        keys("esc")
        keys("esc")
    return {"name": "Menus", "kind": "menus", "controls": controls, "tab": None, "errors": errors}


def close(app, window, before: list, focus: XServer, chord: str = "esc") -> bool:
    """Escape closes a dialog (twice when a cell editor or a popup has the first one); a
    window of its own closes with its own keys (the user guide: Ctrl+W)."""
    for _ in range(4):
        focus_window(window, focus)
        keys(chord)
        pump(0.4)
        if len(windows(app)) <= len(before):
            return True
    return False


def walk_dialog(app, frame, views: list[str], step: dict, focus: XServer, result: dict) -> bool:
    """One step of the plan: {"title", "view" (optional), "keys" or "button" or "table" with
    "keys" (a table focused, then the keys), "then" (keys
    for a window that opens first, e.g. the import's file chooser), "close" (keys, if not
    Escape)}. False: stop walking."""
    title = step["title"]
    focus_window(frame, focus)
    if step.get("view"):
        keys(f"ctrl+{views.index(step['view']) + 1}")
        pump(0.8)
    before = windows(app)
    if "button" in step:
        if not press_button(frame, step["button"]):
            result["errors"].append(f"{title}: no button {step['button']!r}")
            return True
        window = wait_new_window(app, before)
    elif "table" in step:  # a row opened from the keyboard: the first row, then the keys
        table = find(frame, pyatspi.ROLE_TABLE, step["table"])
        if table is None:
            result["errors"].append(f"{title}: no table {step['table']!r}")
            return True
        table.queryComponent().grabFocus()
        pump(0.3)
        keys(step["keys"])
        window = wait_new_window(app, before)
    else:
        window = open_with_keys(app, frame, step["keys"], before, focus)
    if window is None:
        result["errors"].append(f"{title}: {step.get('keys') or step['button']} opened no window")
        return True
    if step.get("then"):
        focus_window(window, focus)
        keys(step["then"])
        pump(0.8)
        known = {identity(b) for b in before}
        opened = (w for w in windows(app) if w.getRole() not in NOT_WINDOWS)
        window = next((w for w in opened if identity(w) not in known), None)
        if window is None:
            result["errors"].append(f"{title}: the window closed after {step['then']}")
            return True
    pump(0.8)  # dialogs fill their lists after they open
    focus_window(window, focus)
    result["windows"].extend(walk_window(window, title, "dialog", focus))
    if not close(app, window, before, focus, step.get("close", "esc")):
        result["errors"].append(f"{title}: {step.get('close', 'esc')} did not close it")
        return False
    return True


def main() -> int:
    views: list[str] = json.loads(sys.argv[1])
    plan: list[dict] = json.loads(sys.argv[2])
    # AT-SPI's default 25 s per call is too short when the app shares 2 cores with a test run
    # (the cohort dialog matches everyone as it opens): wait up to two minutes for an answer.
    Atspi.set_timeout(120_000, 120_000)
    pyatspi.Registry.registerEventListener(_on_focus, "object:state-changed:focused")
    global X
    focus = X = XServer()
    app = find_app()
    frame = next(w for w in windows(app) if w.getRole() == pyatspi.ROLE_FRAME)
    result: dict = {"windows": [], "errors": []}
    pump(1.0)
    for number, title in enumerate(views, start=1):
        focus_window(frame, focus)
        keys(f"ctrl+{number}")
        for _ in range(30):
            if nav_selection(frame) == title:
                break
            pump(0.2)
        else:
            result["errors"].append(f"Ctrl+{number} did not show the {title} view")
            continue
        pump(1.2)  # views load their rows off the GUI thread
        log(f"view {title}")
        result["windows"].extend(walk_window(frame, title, "view", focus))
    menus = walk_menus(frame, focus)
    result["windows"].append(menus)
    result["errors"].extend(menus.pop("errors"))
    for step in plan:
        log(f"dialog {step['title']}")
        if not walk_dialog(app, frame, views, step, focus, result):
            break
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
