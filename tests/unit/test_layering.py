"""The layers hold: only the GUI imports Qt, every import follows docs/ARCHITECTURE.md, no loops."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import bridgedesk
from tests.unit import import_graph

PACKAGE = Path(bridgedesk.__file__).parent
NON_UI = ["storage", "domain", "services", "reports", "cli"]


def test_no_pyside6_import_outside_ui_in_source():
    offenders = []
    for py in PACKAGE.rglob("*.py"):
        rel = py.relative_to(PACKAGE)
        if rel.parts[0] == "ui":
            continue
        for line in py.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import PySide6", "from PySide6")):
                offenders.append(f"{rel}: {stripped}")
    assert offenders == []


def test_importing_non_ui_packages_does_not_load_qt():
    modules = []
    for name in NON_UI:
        for py in sorted((PACKAGE / name).rglob("*.py")):
            rel = py.relative_to(PACKAGE.parent).with_suffix("")
            if "migrations" in rel.parts:
                continue
            modules.append(".".join(rel.parts).removesuffix(".__init__"))
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(','.join(sorted(k for k in sys.modules if k.startswith('PySide6'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert len(modules) > 10
    assert out.stdout.strip() == ""


# -- the dependency rules of docs/ARCHITECTURE.md, read from the source (tests/unit/import_graph.py)


def test_every_import_follows_the_layers():
    assert import_graph.layering_violations(PACKAGE) == []


def test_no_private_name_is_imported_from_another_module():
    assert import_graph.private_name_imports(PACKAGE) == []


def test_no_import_loop_of_more_than_two_modules():
    loops = import_graph.import_cycles(PACKAGE)
    assert [loop for loop in loops if len(loop) > 2] == []


def _copy_with(tmp_path: Path, module: str, line: str) -> Path:
    """A copy of the package where ``module`` (a path under it) gains one import ``line``."""
    copy = tmp_path / "bridgedesk"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    return copy


@pytest.mark.parametrize(
    ("module", "line", "found"),
    [
        (
            "ui/screens/mentors/mentors_view.py",
            "from bridgedesk.storage.engine import make_engine",
            "(ui) imports bridgedesk.storage.engine (storage)",
        ),
        (
            "cli/cmd_data.py",
            "from bridgedesk.storage import backup",
            "(cli) imports bridgedesk.storage.backup (storage)",
        ),
        (
            "storage/backup.py",
            "from bridgedesk.services.mentees.roster import RosterService",
            "(storage) imports bridgedesk.services.mentees.roster (services)",
        ),
        (
            "reports/page.py",
            "from bridgedesk.storage.models import Mentee",
            "(reports) imports bridgedesk.storage.models (storage)",
        ),
        (
            "services/mentors/service.py",
            "from bridgedesk.ui.dialogs import Dialogs",
            "(services) imports bridgedesk.ui.dialogs (ui)",
        ),
        (
            "storage/migrations/versions/0003_roster_indexes.py",
            "from bridgedesk.services.checklists.summary import refresh",
            "a migration imports bridgedesk.services.checklists.summary",
        ),
    ],
)
def test_a_wrong_import_is_caught(tmp_path, module, line, found):
    copy = _copy_with(tmp_path, module, line)
    problems = import_graph.layering_violations(copy)
    assert len(problems) == 1 and found in problems[0]


def test_a_private_name_and_a_three_module_loop_are_caught(tmp_path):
    copy = _copy_with(
        tmp_path, "ui/formatting.py", "from bridgedesk.ui.models.table_base import _Hidden"
    )
    assert import_graph.private_name_imports(copy) == [
        f"bridgedesk.ui.formatting:{len((copy / 'ui/formatting.py').read_text().splitlines())} "
        "takes _Hidden from bridgedesk.ui.models.table_base"
    ]
    copy = _copy_with(tmp_path / "loop", "ui/formatting.py", "import bridgedesk.ui.colours")
    colours = copy / "ui/colours.py"
    colours.write_text(colours.read_text() + "\nimport bridgedesk.ui.widgets.column_padding\n")
    padding = copy / "ui/widgets/column_padding.py"
    padding.write_text(padding.read_text() + "\nimport bridgedesk.ui.formatting\n")
    loops = import_graph.import_cycles(copy)
    assert [len(loop) for loop in loops if len(loop) > 2] == [3]
