"""Only the GUI package may import Qt: storage, domain, services, reports and the CLI must not."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import bridgedesk

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
