"""Render resources/icons/bridgedesk.svg into the PNG, ICO and ICNS files the installers ship.

Why a script and committed outputs: the PNGs are needed by the Linux .desktop entry and the
hicolor icon theme, the .ico by Inno Setup and the Windows executable, the .icns by the macOS
bundle; none of the build machines should need an SVG tool. Run it after editing the SVG:

    .venv/bin/python installers/make_icons.py

PySide6's QSvgRenderer draws the SVG (the same renderer the app uses for its window icon);
Pillow writes the multi-size .ico and the .icns.
"""

from __future__ import annotations

import sys
from pathlib import Path

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICON_DIR / "bridgedesk.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    """Where the PNG of one size lives: ``resources/icons/bridgedesk-<size>.png``."""
    return ICON_DIR / f"bridgedesk-{size}.png"


def render_pngs() -> list[Path]:
    """Draw the SVG at every size in PNG_SIZES with antialiasing on a transparent canvas."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - keeps Qt alive
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} is not a valid SVG")
    written = []
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        target = png_path(size)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"could not write {target}")
        written.append(target)
    return written


def write_ico_and_icns() -> list[Path]:
    """Pack the rendered PNGs into bridgedesk.ico (Windows) and bridgedesk.icns (macOS)."""
    from PIL import Image

    images = {size: Image.open(png_path(size)).convert("RGBA") for size in PNG_SIZES}
    ico = ICON_DIR / "bridgedesk.ico"
    largest_ico = images[max(ICO_SIZES)]
    largest_ico.save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    icns = ICON_DIR / "bridgedesk.icns"
    images[512].save(icns, format="ICNS", append_images=[images[s] for s in (16, 32, 64, 128, 256)])
    return [ico, icns]


def main() -> int:
    for path in render_pngs() + write_ico_and_icns():
        print(f"{path.relative_to(ICON_DIR.parent.parent)}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
