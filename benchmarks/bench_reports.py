"""Time the PDF reports against a plain reportlab document of the same page count.

Prints numbers, asserts nothing. Targets: mentee report <= 0.3 s, program report for 500
mentees <= 1.5 s, packet for 100 mentees <= 5 s (fonts already registered: the app registers
them once per process). Run: .venv/bin/python benchmarks/bench_reports.py
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

from bridgedesk.bootstrap import open_program
from bridgedesk.paths import DataPaths
from bridgedesk.reports import fonts
from bridgedesk.reports.mentee_report import build_mentee_report
from bridgedesk.reports.packet import build_packet
from bridgedesk.reports.program_report import build_program_report
from bridgedesk.services.demo import generate_demo

TODAY = dt.date(2026, 6, 30)
PERIOD = (dt.date(2025, 7, 1), TODAY)


def pages(path: Path) -> int:
    import pypdf

    return len(pypdf.PdfReader(path).pages)


def plain_document(path: Path, page_count: int) -> float:
    """Seconds to build a Helvetica document of ``page_count`` pages of text paragraphs."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["BodyText"]
    began = time.perf_counter()
    story = []
    for page in range(page_count):
        story += [
            Paragraph(f"Line {line} of page {page}: plain text for comparison.", style)
            for line in range(40)
        ]
        story.append(PageBreak())
    SimpleDocTemplate(str(path)).build(story[:-1])
    return time.perf_counter() - began


def timed(label: str, target: float, out: Path, build) -> None:  # type: ignore[no-untyped-def]
    began = time.perf_counter()
    build(out)
    seconds = time.perf_counter() - began
    n = pages(out)
    plain = plain_document(out.with_suffix(".plain.pdf"), n)
    verdict = "ok" if seconds <= target else "OVER TARGET"
    print(
        f"{label:<28} {seconds:6.2f} s  {n:4d} pages  plain {plain:5.2f} s  "
        f"ratio {seconds / plain:5.1f}x  target {target} s  {verdict}"
    )


def program(folder: Path, mentees: int):  # type: ignore[no-untyped-def]
    ctx = open_program(DataPaths(folder / f"data{mentees}").ensure(), actor="bench")
    began = time.perf_counter()
    generate_demo(ctx, TODAY, mentees=mentees, seed=11)
    print(f"(demo data for {mentees} mentees: {time.perf_counter() - began:.1f} s)")
    return ctx


def main() -> None:
    from reportlab.lib import rl_accel

    accel = "in use" if "fp_str" in rl_accel._c_funcs else "NOT installed (pure Python)"
    print(f"reportlab C accelerator (rl_accel): {accel}")
    began = time.perf_counter()
    fonts.register_fonts()
    print(f"font registration (once per process): {time.perf_counter() - began:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small = program(folder, 100)
        build_mentee_report(small, 1, folder / "warm.pdf", TODAY)  # first layout warms caches
        timed(
            "mentee report",
            0.3,
            folder / "mentee.pdf",
            lambda out: build_mentee_report(small, 2, out, TODAY),
        )
        timed(
            "packet (100 mentees)",
            5.0,
            folder / "packet.pdf",
            lambda out: build_packet(small, out, *PERIOD, TODAY),
        )
        large = program(folder, 500)
        timed(
            "program report (500)",
            1.5,
            folder / "program.pdf",
            lambda out: build_program_report(large, out, *PERIOD, TODAY),
        )


if __name__ == "__main__":
    main()
