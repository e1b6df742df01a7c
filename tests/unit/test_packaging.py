"""The installable package: one version, resources inside the wheel, entry points."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import bridgedesk
from bridgedesk.assets import asset_path, resources_root

ROOT = Path(__file__).resolve().parents[2]


def test_assets_found_from_checkout():
    assert (resources_root() / "defaults" / "cultural_fluency.json").is_file()
    assert asset_path("defaults/program_schedule.json").is_file()


@pytest.mark.slow  # a real process (builds a wheel or starts the command)
def test_wheel_ships_resources_and_migrations(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
    )
    wheel = next(tmp_path.glob("bridgedesk-*.whl"))
    assert wheel.name.startswith(f"bridgedesk-{bridgedesk.__version__}-")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "bridgedesk/resources/defaults/cultural_fluency.json" in names
    assert "bridgedesk/resources/defaults/credential_kinds.json" in names
    assert any(n.startswith("bridgedesk/resources/fonts/") and n.endswith(".ttf") for n in names)
    assert "bridgedesk/storage/migrations/env.py" in names
    assert any(n.startswith("bridgedesk/storage/migrations/versions/0001") for n in names)


@pytest.mark.slow  # a real process (builds a wheel or starts the command)
def test_version_from_module_and_command_line():
    out = subprocess.run(
        [sys.executable, "-m", "bridgedesk", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == f"BridgeDesk {bridgedesk.__version__}"


@pytest.mark.slow  # a real process (builds a wheel or starts the command)
def test_unknown_file_errors_are_one_sentence_not_a_traceback(tmp_path):
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "bridgedesk",
            "--data-dir",
            str(tmp_path),
            "restore",
            str(tmp_path / "nope.db"),
        ],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert out.stderr.strip().count("\n") == 0
    assert "does not exist" in out.stderr
