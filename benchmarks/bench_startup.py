"""Start-up speed, roster latency and memory of the whole BridgeDesk process on big programs.

Run: ``.venv/bin/python benchmarks/bench_startup.py [--runs 5] [--sizes 1000 10000]``.

What it measures, each as a separate process so nothing is warm that a user's start is not:

* a bare PySide6 process that shows an empty QMainWindow and quits after its first paint;
* ``python -m bridgedesk --data-dir D`` on demo programs of 1,000 and 10,000 mentees, until the
  main window is shown AND its first view is filled (``BRIDGEDESK_EXIT_WHEN_READY=1``: the app
  prints ``ready ...`` and quits, see ``bridgedesk/ui/startup/ready_probe.py``), with the Mentees view
  and with the Dashboard as the first view; the longest GUI stall while loading (20 ms heartbeat)
  and the peak resident memory (``ru_maxrss`` of the child);
* roster sort, search and filter latency on the biggest program
  (``benchmarks/bench_roster_model.py --data-dir``, also a child process, with its memory).

Demo programs are generated once (``bridgedesk demo --mentees N --seed 1``; 10,000 take about
two minutes) and cached under ``$BRIDGEDESK_BENCH_CACHE`` or ``<tempdir>/bridgedesk-bench``; the
benchmark says where. Runs use a copy-free data folder: the app may add a backup and a settings
file there, which does not change the data.

Targets (issue 3): start with 1,000 mentees <= 2.5 x the bare window; each roster operation on
10,000 mentees <= 100 ms; memory with 10,000 mentees <= 300 MB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
READY_TIMEOUT_S = 180

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 720)
window.show()
def done():
    window.repaint()
    print("ready", flush=True)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""

# ``python -m bridgedesk`` exactly, plus the probe for as long as ui/app.py does not install it.
LAUNCH_APP = """
import importlib.util, sys
from pathlib import Path
app_source = Path(importlib.util.find_spec("bridgedesk.ui.app").origin).read_text("utf-8")
if "ready_probe" not in app_source:
    from bridgedesk.ui.startup import ready_probe
    from bridgedesk.ui.main_window import MainWindow
    _show = MainWindow.show
    def show(self):
        _show(self)
        self._ready_probe = ready_probe.install(self)
    MainWindow.show = show
from bridgedesk.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def cache_root() -> Path:
    return Path(
        os.environ.get("BRIDGEDESK_BENCH_CACHE") or Path(tempfile.gettempdir()) / "bridgedesk-bench"
    )


def demo_folder(mentees: int) -> Path:
    """A data folder with an ``mentees``-strong demo program, generated on first use."""
    folder = cache_root() / f"demo-{mentees}"
    marker = folder / ".generated"
    if marker.exists():
        print(f"using cached demo program of {mentees:,} mentees in {folder}")
        return folder
    print(f"generating a demo program of {mentees:,} mentees in {folder} (cached for next time)…")
    began = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bridgedesk",
            "--data-dir",
            str(folder),
            "demo",
            "--mentees",
            str(mentees),
            "--seed",
            "1",
            "--force",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    marker.write_text("ok\n", encoding="utf-8")
    print(f"  generated in {time.perf_counter() - began:.0f} s")
    return folder


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["BRIDGEDESK_EXIT_WHEN_READY"] = "1"
    return env


def run_child(command: list[str]) -> dict[str, float]:
    """Run one process; wall seconds to its ``ready`` line and to exit, and its peak RSS (MB)."""
    began = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, env=child_env(), text=True)
    assert child.stdout is not None
    result: dict[str, float] = {}
    for line in child.stdout:
        words = line.split()
        if words and words[0] == "ready":
            result["ready"] = time.perf_counter() - began
            result.update({words[i]: float(words[i + 1]) for i in range(2, len(words) - 1, 2)})
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    result["exit"] = time.perf_counter() - began
    result["rss_mb"] = usage.ru_maxrss / 1024  # kilobytes on Linux
    if "ready" not in result:
        raise SystemExit(f"no 'ready' line from {command!r} (exit code {child.returncode})")
    return result


def set_first_view(folder: Path, key: str) -> None:
    """The window opens on the view it showed last; the GUI settings file says which."""
    ini = folder / "gui-settings.ini"
    ini.write_text(f"[main_window]\nlast_view={key}\n", encoding="utf-8")


def summary(label: str, runs: list[dict[str, float]], bare: float | None = None) -> None:
    ready = [r["ready"] for r in runs]
    line = f"{label:<34} min {min(ready):6.2f} s  median {statistics.median(ready):6.2f} s"
    if bare:
        line += f"  ({statistics.median(ready) / bare:4.1f}× bare)"
    if "figures_s" in runs[0]:  # the Dashboard: its tiles, from the window shown (target 1 s)
        line += f"  tiles {statistics.median(r['figures_s'] for r in runs):5.2f} s"
    if "max_gap_ms" in runs[0]:
        line += f"  longest GUI stall {max(r['max_gap_ms'] for r in runs):5.0f} ms"
    line += f"  peak RSS {max(r['rss_mb'] for r in runs):5.0f} MB"
    print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--views", nargs="+", default=["mentees", "dashboard"])
    args = parser.parse_args()

    folders = {n: demo_folder(n) for n in args.sizes}
    print(f"\n{args.runs} runs each; QT_QPA_PLATFORM={child_env()['QT_QPA_PLATFORM']}")
    run_child([sys.executable, "-c", BARE_WINDOW])  # warm the disk cache once, not counted
    bare_runs = [run_child([sys.executable, "-c", BARE_WINDOW]) for _ in range(args.runs)]
    bare = statistics.median(r["ready"] for r in bare_runs)
    summary("bare PySide6 QMainWindow", bare_runs)
    for n, folder in folders.items():
        for key in args.views:
            set_first_view(folder, key)
            command = [sys.executable, "-c", LAUNCH_APP, "--data-dir", str(folder)]
            run_child(command)  # warm-up, not counted
            runs = [run_child(command) for _ in range(args.runs)]
            summary(f"bridgedesk {n:>6,} mentees, {key}", runs, bare)
        set_first_view(folder, "mentees")

    biggest = max(folders)
    print(f"\nroster operations on {biggest:,} mentees (child process):", flush=True)
    env = child_env()
    env.pop("BRIDGEDESK_EXIT_WHEN_READY")
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench_roster_model.py"), "--data-dir", str(folders[biggest])],
        check=False,
        env=env,
    )
    if done.returncode:  # PySide6 6.12 on Python 3.11 can abort at exit (refcount of None/True)
        print(
            f"  (the roster benchmark process ended with code {done.returncode} after its numbers)"
        )


if __name__ == "__main__":
    main()
