"""Export the roster to CSV or XLSX with the headers the import reads back.

Every cell is text and anything that starts like a formula gets a leading ``'`` (the import
removes it again), so opening the file in Excel never runs a formula and re-importing it gives
the same values. CSV is UTF-8 with a BOM so Excel shows native-script names correctly.

The file is written next to its final place under a temporary name, flushed to the disk and
only then renamed over the old one (:func:`write_atomically`): a full disk, a read-only folder
or a crash leaves the previous export byte for byte as it was, and no half-written file.

The roster is a personnel record, so an export says so: the XLSX carries a "Confidential"
page header and footer and workbook properties (none of which the import reads, so the data
rows stay exactly as before). A CSV cannot carry a mark without breaking re-import, so
only its suggested file name says "confidential".
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select

from bridgedesk.errors import UserError
from bridgedesk.paths import fsync_folder
from bridgedesk.services.context import ServiceContext
from bridgedesk.services.importing.formulas import neutralise
from bridgedesk.services.importing.headers import EXPORT_FIELDS, EXPORT_HEADERS
from bridgedesk.services.mentees.phases import phase_on, read_phases
from bridgedesk.storage.models import ExitReason, Mentee, Site

FORMATS = (".csv", ".xlsx")
CONFIDENTIAL_MARK = "Confidential — personnel record"
CONFIDENTIAL_SUBJECT = "Confidential personnel record"
WORKBOOK_TITLE = "BridgeDesk roster"
CREATOR = "BridgeDesk"


def suggested_file_name(today: dt.date, suffix: str) -> str:
    """The name the export dialog offers; it says "confidential" for every format.

    CSV especially: the name is the only place a CSV can carry the mark.
    """
    return f"roster-confidential-{today.isoformat()}{suffix}"


# Export fields that are not a mentee column of the same name: read or worked out here.
_WORKED_OUT = {"site", "phase", "phase_by_hand", "exit_reason", "exit_details"}


def roster_rows(ctx: ServiceContext, today: dt.date | None = None) -> list[list[str]]:
    """Every mentee as a list of neutralised strings in :data:`EXPORT_FIELDS` order.

    The phase is the one shown on the roster on ``today`` (the start date's, or the one set by
    hand, which "Phase set by hand" says); the exit reason is the list's words and the exit
    details the free text, so an import of the file gives the same mentees back.
    """
    on = today or dt.date.today()
    direct = [f for f in EXPORT_FIELDS if f not in _WORKED_OUT]
    stmt = (
        select(
            *(Mentee.__table__.c[f] for f in direct),
            Site.name, ExitReason.label, Mentee.exit_reason, Mentee.start_date,
            Mentee.phase_override_id, Mentee.exit_date,
        )
        .outerjoin(Site, Mentee.site_id == Site.id)
        .outerjoin(ExitReason, Mentee.exit_reason_id == ExitReason.id)
        .order_by(Mentee.id)
    )  # fmt: skip
    out = []
    with ctx.read() as session:
        phases = read_phases(session)
        for row in session.execute(stmt):
            values = dict(zip(direct, row[: len(direct)], strict=True))
            site, reason, details, start, override, exit_date = row[len(direct) :]
            phase = phases.shown(start, override, phase_on(exit_date, on))
            values.update(
                site=site, exit_reason=reason, exit_details=details, phase=phase.name,
                phase_by_hand="yes" if phase.by_hand else "",
            )  # fmt: skip
            out.append([_cell(values[f]) for f in EXPORT_FIELDS])
    return out


def _cell(value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    if hasattr(value, "value"):
        return str(value.value)
    return neutralise(str(value))


def export_roster(ctx: ServiceContext, path: Path, today: dt.date | None = None) -> int:
    """Write all mentees to ``path`` (.csv or .xlsx, by its ending); return how many.

    All or nothing: on any failure the file at ``path`` is left exactly as it was.
    """
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(f"The export file must end in .csv or .xlsx, not {path.name!r}.")
    if not path.parent.is_dir():
        raise UserError(f"The folder {path.parent} does not exist.")
    if path.is_dir():
        raise UserError(f"{path} is a folder; give the export a file name ending in {suffix}.")
    rows = roster_rows(ctx, today)
    if suffix == ".csv":
        write_atomically(path, lambda fh: _write_csv(fh, rows))
    else:
        workbook = _build_xlsx(path, rows)
        write_atomically(path, lambda fh: fh.write(workbook))
    return len(rows)


def write_atomically(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    """``write`` into a temporary file beside ``path``, fsync it, then rename it over ``path``.

    On any failure the temporary file is removed and ``path`` is untouched; an OS error
    becomes one sentence (:func:`write_problem`). The new file is owner-only (0600).
    """
    folder = path.parent
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=folder)
    except OSError as exc:
        raise UserError(write_problem(path, exc)) from None
    partial = Path(temporary)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, path)
    except BaseException as exc:
        partial.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise UserError(write_problem(path, exc)) from None
        raise
    fsync_folder(folder)


def write_problem(path: Path, exc: OSError) -> str:
    """One sentence for a failed write, saying what became of the file already there."""
    kept = f"the earlier {path.name} is unchanged" if path.exists() else "nothing was written"
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"There is not enough room on the disk for {path.name}; {kept}."
    if exc.errno == errno.EROFS:
        return f"The folder {path.parent} is read-only, so {path.name} was not written; {kept}."
    if isinstance(exc, PermissionError):
        return f"The file {path} cannot be written (is it open in another program?); {kept}."
    reason = exc.strerror or str(exc)
    return f"The file {path} could not be written ({reason}); {kept}."


def _write_csv(fh: IO[bytes], rows: list[list[str]]) -> None:
    text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    writer.writerow(EXPORT_HEADERS)
    writer.writerows(rows)
    text.flush()
    text.detach()  # the caller closes the file after fsync


def _build_xlsx(path: Path, rows: list[list[str]]) -> bytes:
    """The workbook's bytes, built in memory so that only our own write can meet the disk.

    openpyxl stages each sheet in the system's temporary folder; when that fails, it is said.
    """
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Roster")

    def clean(row: list[str]) -> Iterator[str]:
        for value in row:
            yield ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)  # control chars Excel cannot hold

    buffer = io.BytesIO()
    try:
        _mark_confidential(workbook, sheet)
        sheet.append(list(EXPORT_HEADERS))
        for row in rows:
            sheet.append(list(clean(row)))
        workbook.save(buffer)
    except OSError as exc:
        raise UserError(
            f"The Excel file {path.name} could not be built in the temporary folder "
            f"{tempfile.gettempdir()} ({exc.strerror or exc}); nothing was written."
        ) from None
    return buffer.getvalue()


def _mark_confidential(workbook: Any, sheet: Any) -> None:
    """Printed pages and the file's properties say what this is; the cells are untouched."""
    for part in (sheet.oddHeader, sheet.evenHeader, sheet.firstHeader):
        part.center.text = CONFIDENTIAL_MARK
    for part in (sheet.oddFooter, sheet.evenFooter, sheet.firstFooter):
        part.left.text = CONFIDENTIAL_MARK
        part.right.text = "Page &P of &N"
    props = workbook.properties
    props.title = WORKBOOK_TITLE
    props.subject = CONFIDENTIAL_SUBJECT
    props.creator = CREATOR
    props.lastModifiedBy = CREATOR
    props.keywords = "confidential"
    props.category = CONFIDENTIAL_SUBJECT
