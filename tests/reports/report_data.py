"""Shared test data for report tests: a small demo program plus mentees with names in several
scripts and hostile strings in every free-text field a report prints."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

from bridgedesk.domain.enums import CheckinFormat, CheckinTopic
from bridgedesk.services.demo import generate_demo
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program import details as program_settings
from bridgedesk.services.timeline.service import CheckinLog, TimelineService

TODAY = dt.date(2026, 6, 30)
PERIOD = (dt.date(2025, 7, 1), dt.date(2026, 6, 30))
HOSTILE = "<b>&amp;</para>"
PRIVATE_NOTE = "Private: worried about housing costs"
LONG_SUMMARY = "Long summary " + "x" * 4987


def make_program(ctx, mentees: int = 12) -> None:
    generate_demo(ctx, TODAY, mentees=mentees, seed=7)
    program_settings.save(
        ctx,
        program_settings.ProgramSettings("Cedar <Valley> & Co", "IMG Bridge", "Dr. Ada Director"),
    )


def add_mentee(ctx, given: str, family: str, native: str = "", **extra) -> int:
    fields = MenteeFields(
        given_names=given,
        family_name=family,
        native_name=native,
        start_date=dt.date(2025, 9, 1),
        **extra,
    )
    return RosterService(ctx).create(fields)


def add_checkin(
    ctx, mentee_id: int, summary: str, private_note: str = "", held=dt.date(2026, 3, 2)
) -> int:
    log = CheckinLog(
        held, CheckinFormat.VIDEO, "mentor", [CheckinTopic.CULTURAL], summary, private_note
    )
    return TimelineService(ctx).log_unplanned_checkin(mentee_id, log, title=HOSTILE, today=TODAY)


def pdf_text(path: Path) -> str:
    """Text as a reader sees it (pdftotext lays out lines; form XObjects included)."""
    assert shutil.which("pdftotext"), "poppler's pdftotext is needed"
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return out.stdout


def pages_text(path: Path) -> list[str]:
    return [page for page in pdf_text(path).split("\f") if page.strip()]


def fonts_embedded(path: Path) -> tuple[set[str], bool]:
    """Names of the fonts used, and whether every one of them is embedded (pdffonts)."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    names, embedded = set(), True
    for line in out.splitlines()[2:]:
        parts = line.split()
        names.add(parts[0].split("+")[-1])
        emb = parts[-5]
        embedded = embedded and emb == "yes"
    return names, embedded
