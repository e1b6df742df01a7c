"""The Linux bundle as a user gets it: built from a clean clone of HEAD, installed into a
temporary home, run with no Python on PATH (CLI, PDF report, GUI offscreen and under Xvfb),
an old database upgraded, then uninstalled with the data folder kept.

installers/smoke_test.sh does the work and prints one "ok:" line per check; this test runs it
as CI would and holds it to every one of those checks.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds, installs and runs the Linux bundle (about a minute)

ROOT = Path(__file__).resolve().parents[2]
CHECKS = (
    "ok: launcher",
    "ok: menu entry",
    "ok: desktop-file-validate",
    "BridgeDesk ",  # --version from the installed program
    "ok: program.pdf",
    "ok: GUI showed its first view and quit",
    "ok: no ERROR in the log",
    "ok: GUI was running on the X server",
    "ok: backup taken first",
    "ok: roster kept: 2 mentees",
    "ok: data folder kept by reinstall",
    "ok: program, launcher and menu entry gone",
    "ok: data folder kept",
    "SMOKE TEST PASSED",
)


def test_linux_bundle_installs_runs_upgrades_and_uninstalls_without_python():
    env = {**os.environ, "PYTHON": sys.executable}
    done = subprocess.run(
        ["bash", str(ROOT / "installers" / "smoke_test.sh")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    report = done.stdout + done.stderr
    assert done.returncode == 0, report[-6000:]
    missing = [check for check in CHECKS if check not in done.stdout]
    assert not missing, f"missing checks {missing}:\n{report[-6000:]}"
    assert "FAIL" not in done.stdout, report[-6000:]
