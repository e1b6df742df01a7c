"""Find runtime assets (templates, fonts, icons) from a checkout, a wheel or a frozen bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resources_root() -> Path:
    """The folder that holds ``defaults/``, ``fonts/``, ``icons/`` and ``help/`` (the user guide).

    Looked for, in order: inside a PyInstaller bundle (``sys._MEIPASS``), inside the
    installed package (the wheel ships ``resources/`` as ``bridgedesk/resources``),
    and at the top of a source checkout (``src/bridgedesk/../../resources``).
    """
    candidates: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "bridgedesk" / "resources")
        candidates.append(Path(frozen_root) / "resources")
    candidates.append(_PACKAGE_DIR / "resources")
    candidates.append(_PACKAGE_DIR.parent.parent / "resources")
    for candidate in candidates:
        if (candidate / "defaults").is_dir():
            return candidate
    searched = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"BridgeDesk's resources folder is missing (looked in: {searched})")


def asset_path(relative: str) -> Path:
    """Path of one asset, e.g. ``asset_path("fonts/NotoSans-Regular.ttf")``."""
    path = resources_root() / relative
    if not path.exists():
        raise FileNotFoundError(f"BridgeDesk asset not found: {relative}")
    return path
