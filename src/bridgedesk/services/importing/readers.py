"""Decode a roster file into a header row and numbered data rows.

Spreadsheets reach the director from many places: Excel on Windows (cp1252 or UTF-8 with a
BOM, commas or semicolons), Google Sheets (UTF-8), old Russian, Japanese, Korean or Chinese
software (cp1251, KOI8-R, EUC-JP, EUC-KR, GBK) and real workbooks. This module turns any of
them into plain rows, or says in one sentence why a file cannot be read:

- only a regular file is opened (a folder, a named pipe or a device gets its own sentence, and
  opening never blocks on a pipe);
- text is UTF-8 (with or without BOM) or Windows-1252 when it reads cleanly as such; text in
  any other encoding is refused with its likely encoding named (charset-normalizer and the
  scripts the names are written in), unless the user names the encoding, which is then applied
  strictly: no file is ever imported as garbled text;
- a workbook is checked before openpyxl sees it: its parts together may unpack to at most
  :data:`MAX_UNPACKED` bytes (a zip bomb is refused without unpacking it), every part must
  unpack and its XML parse, and no part may declare a DOCTYPE, so no entity is ever expanded
  or fetched;
- a workbook's sheet can be chosen by name; when the first sheet holds no roster and there
  are others, the sheets are named so the user can choose.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import os
import re
import stat
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO
from xml.etree.ElementTree import ParseError
from xml.parsers import expat

from bridgedesk.errors import UserError
from bridgedesk.services.importing.headers import FIELD_NAMES, normalise

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

log = logging.getLogger(__name__)

Cell = object  # str for CSV; str, int, float, date, datetime or None for XLSX
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SNIFF_SAMPLE = 64 * 1024
_DELIMITERS = ",;\t"
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm"})

MAX_UNPACKED = 100 * 1024 * 1024  # a 10,000-mentee workbook unpacks to about 10 MB
MAX_RATIO = 200  # real sheets pack 5 to 25 times; deflate's most is about 1,000
_RATIO_FROM = 10 * 1024 * 1024  # smaller parts are never refused for their ratio
MAX_PARTS = 10_000
_CHUNK = 1024 * 1024
_XML_PARTS = (".xml", ".rels", ".vml")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls and password-protected .xlsx


@dataclass(frozen=True)
class SourceFormat:
    """How the file was read: a CSV's text encoding, or a workbook's sheet and its sheets."""

    encoding: str = ""  # e.g. "UTF-8", "Windows-1252", "KOI8-R (Russian)"; "" for a workbook
    sheet: str = ""  # the worksheet read; "" for CSV
    sheets: tuple[str, ...] = ()  # every worksheet of the workbook, in order


@dataclass
class Table:
    """The header row and each data row with the line (CSV) or sheet row (XLSX) it came from."""

    header: list[str]
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)
    kind: str = "line"  # how positions are named in messages: "line" or "row"
    source: SourceFormat = field(default_factory=SourceFormat)
    sheet_chosen: bool = False  # the user named the sheet (else the first one was read)


class ChoiceNeeded(UserError):
    """A file that can be read once the user chooses (an encoding, a sheet).

    The message ends with how to choose on the command line; :attr:`in_window` ends with how
    to choose in the import window instead.
    """

    def __init__(self, problem: str, command_hint: str, window_hint: str) -> None:
        self.problem = problem
        self.in_window = f"{problem}, so {window_hint}."
        super().__init__(f"{problem}, so {command_hint}.")


class EncodingNotClear(ChoiceNeeded):
    """Text that is neither UTF-8 nor clean Windows-1252; ``guess`` is its likely encoding."""

    def __init__(self, name: str, guess: Guess | None) -> None:
        self.guess = guess
        save = 'save it from your spreadsheet program as "CSV UTF-8"'
        if guess is None:
            problem = f"The file {name} is not UTF-8 or Windows-1252 text"
            command = f"{save} or name its encoding with --encoding NAME (e.g. --encoding cp1251)"
            window = f"{save} or choose its encoding under Encoding"
        else:
            problem = (
                f"The file {name} is not UTF-8 or Windows-1252 text; it looks like {guess.label}"
            )
            command = f"{save} or import it with --encoding {guess.codec}"
            window = f"{save} or choose {guess.label} under Encoding"
        super().__init__(problem, command, window)


class SheetNotChosen(ChoiceNeeded):
    """The first sheet holds no roster (or the sheet named is not there); ``sheets`` lists all."""

    def __init__(self, problem: str, sheets: tuple[str, ...]) -> None:
        self.sheets = sheets
        problem = f"{problem}; its sheets are {quoted(sheets)}"
        super().__init__(
            problem,
            "choose the roster's sheet with --sheet NAME",
            "choose the roster's sheet under Sheet",
        )


def quoted(names: tuple[str, ...] | list[str]) -> str:
    """'"A"', '"A" and "B"', '"A", "B" and "C"'."""
    marks = [f'"{n}"' for n in names]
    return marks[0] if len(marks) == 1 else ", ".join(marks[:-1]) + " and " + marks[-1]


def is_workbook(path: Path) -> bool:
    return path.suffix.lower() in WORKBOOK_SUFFIXES


# -- the file itself ---------------------------------------------------------------------------
def _what_it_is(mode: int) -> str | None:
    """A plain name for what is not a regular file, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a file"
    if stat.S_ISSOCK(mode):
        return "a network socket, not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file"
    return "not a regular file"


def open_regular(path: Path) -> BinaryIO:
    """Open ``path`` for reading if it is a regular file; else one sentence saying what it is.

    The file is opened without blocking and checked on the open handle, so a named pipe put
    in place of the file never hangs the program waiting for a writer.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except (FileNotFoundError, NotADirectoryError):
        raise UserError(f"The file {path} does not exist.") from None
    except OSError as exc:
        try:
            kind = _what_it_is(os.stat(path).st_mode)
        except OSError:
            kind = None
        if kind is not None:
            raise UserError(f"{path} is {kind}; choose the roster file itself.") from None
        if isinstance(exc, PermissionError):
            raise UserError(
                f"The file {path} cannot be read: this account is not allowed to."
            ) from None
        raise UserError(f"The file {path} cannot be read ({exc.strerror or exc}).") from None
    kind = _what_it_is(os.fstat(fd).st_mode)
    if kind is not None:
        os.close(fd)
        raise UserError(f"{path} is {kind}; choose the roster file itself.")
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_table(path: Path, *, encoding: str | None = None, sheet: str | None = None) -> Table:
    """Read ``path`` as XLSX (by extension) or CSV; raise UserError for an unreadable file.

    ``encoding`` (CSV only) decodes the text strictly with that codec instead of detecting it;
    ``sheet`` (workbooks only) reads that worksheet instead of the first.
    """
    workbook = is_workbook(path)
    if sheet is not None and not workbook:
        raise UserError(f"Only an Excel workbook has sheets to choose; {path.name} is read as CSV.")
    if encoding is not None and workbook:
        raise UserError(
            f"{path.name} is an Excel workbook, which records its own encoding; "
            "an encoding is only chosen for CSV files."
        )
    with open_regular(path) as handle:
        if workbook:
            table = read_xlsx(handle, path.name, sheet)
        else:
            data = _read_all(handle, path)
            if data.startswith(_OLE2) or path.suffix.lower() == ".xls":
                raise UserError(
                    f"The file {path.name} is an old-style Excel workbook (.xls) or a "
                    "password-protected one; save it as .xlsx without a password, or as CSV."
                )
            table = read_csv_bytes(data, path.name, encoding)
    require_roster_rows(table, path.name)
    return table


def _read_all(handle: BinaryIO, path: Path) -> bytes:
    try:
        return handle.read()
    except OSError as exc:
        raise UserError(f"The file {path} cannot be read ({exc.strerror or exc}).") from None


def require_roster_rows(table: Table, name: str) -> None:
    """An empty file or sheet, or headings without rows, in one sentence."""
    if not table.header or all(not str(h).strip() for h in table.header):
        what = "is empty"
    elif not table.rows:
        what = "has a header row but no mentees"
    else:
        return
    on_sheet = what
    if what != "is empty" and not has_roster_headings(table.header):
        on_sheet = "has no roster columns"  # a notes or instructions sheet, most likely
    raise first_sheet_problem(table, name, on_sheet) or UserError(f"{_where(table, name)} {what}.")


def first_sheet_problem(table: Table, name: str, what: str) -> SheetNotChosen | None:
    """When the first of several sheets was read without being chosen: name them all."""
    sheets = table.source.sheets
    if table.sheet_chosen or len(sheets) < 2:
        return None
    return SheetNotChosen(f'The first sheet of {name}, "{sheets[0]}", {what}', sheets)


def _where(table: Table, name: str) -> str:
    if table.sheet_chosen:
        return f'The sheet "{table.source.sheet}" of {name}'
    return f"The file {name}"


# -- text encodings ------------------------------------------------------------------------------
WESTERN = "Windows-1252"


@dataclass(frozen=True)
class Guess:
    """A likely encoding: a label for people and a codec name ``--encoding`` accepts."""

    label: str
    codec: str


@dataclass(frozen=True)
class _Family:
    label: str
    codecs: tuple[str, ...]  # the strictest codec first; later ones are supersets, less likely
    scripts: frozenset[str]  # the scripts its words are written in
    suggest: str = ""  # the name to suggest when the first codec reads it, if not that one


_FAMILIES: tuple[_Family, ...] = (
    _Family("Windows-1251 (Cyrillic)", ("cp1251",), frozenset({"cyrillic"})),
    _Family("KOI8-R (Russian)", ("koi8-r",), frozenset({"cyrillic"})),
    _Family("EUC-KR (Korean)", ("euc-kr", "cp949"), frozenset({"hangul"})),
    _Family("GBK (Simplified Chinese)", ("gb2312", "gbk", "gb18030"), frozenset({"han"}), "gbk"),
    _Family("EUC-JP (Japanese)", ("euc-jp", "euc-jis-2004"), frozenset({"han", "kana"})),
    _Family("Shift-JIS (Japanese)", ("shift-jis", "cp932"), frozenset({"han", "kana"})),
    _Family("Big5 (Traditional Chinese)", ("big5", "cp950"), frozenset({"han"})),
    _Family("Windows-1253 (Greek)", ("cp1253",), frozenset({"greek"})),
    _Family("Windows-1255 (Hebrew)", ("cp1255",), frozenset({"hebrew"})),
    _Family("Windows-1256 (Arabic)", ("cp1256",), frozenset({"arabic"})),
    _Family("Windows-874 (Thai)", ("cp874",), frozenset({"thai"})),
    _Family("Windows-1250 (Central European)", ("cp1250",), frozenset({"latin"})),
)
_CASED = frozenset({"cyrillic", "greek"})
_WORD_BREAK = re.compile(r"[^A-Za-z\x80-\U0010ffff]+")  # ASCII digits, spaces, punctuation
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_INNER_PUNCTUATION = frozenset("’‘“”„‚–—…•·€°®©™«»‹›")
_OPENING_PUNCTUATION = frozenset("¿¡")


def _script(ch: str) -> str:
    o = ord(ch)
    if ch.isascii():
        return "latin" if ch.isalpha() else "other"
    for low, high, name in (
        (0x0400, 0x04FF, "cyrillic"),
        (0xAC00, 0xD7A3, "hangul"),
        (0x3040, 0x30FF, "kana"),
        (0x4E00, 0x9FFF, "han"),
        (0x3400, 0x4DBF, "han"),
        (0xF900, 0xFAFF, "han"),
        (0x0370, 0x03FF, "greek"),
        (0x0590, 0x05FF, "hebrew"),
        (0x0600, 0x06FF, "arabic"),
        (0x0E00, 0x0E7F, "thai"),
        (0x00C0, 0x024F, "latin"),
    ):
        if low <= o <= high:
            return name
    return "han" if ch == "々" else "other"


def _word_fits(word: str, scripts: frozenset[str]) -> bool:
    used = {_script(c) for c in word}
    if not used <= scripts:
        return False
    for index, char in enumerate(word):  # letters, and marks only after a letter
        mark = unicodedata.category(char).startswith("M")
        if not (char.isalpha() or (mark and index > 0)):
            return False
    if used & _CASED:  # a cased script: Title, lower or UPPER, not the jumble a wrong table gives
        return word.istitle() or word.islower() or word.isupper()
    return True


def _fit(text: str, scripts: frozenset[str]) -> float:
    """The share of non-ASCII words written wholly, and sensibly cased, in ``scripts``."""
    words = [w for w in _WORD_BREAK.split(text) if w and not w.isascii()]
    if not words:
        return 0.0
    return sum(_word_fits(w, scripts) for w in words) / len(words)


def _chaos(data: bytes, codec: str) -> float:
    """charset-normalizer's measure of how garbled ``data`` reads in ``codec`` (0 is clean)."""
    from charset_normalizer import from_bytes

    match = from_bytes(data, cp_isolation=[codecs.lookup(codec).name]).best()
    return 1.0 if match is None else float(match.chaos)


def guess_encoding(data: bytes) -> Guess | None:
    """The likely encoding of text that is not UTF-8: the family whose decoding reads as
    words of its own script, ties settled by charset-normalizer's chaos; else whatever
    charset-normalizer itself detects; None when nothing reads as text."""
    scored: list[tuple[tuple[float, float, int], Guess]] = []
    for order, family in enumerate(_FAMILIES):
        for position, codec in enumerate(family.codecs):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            fit = _fit(text, family.scripts) * (1.0 if position == 0 else 0.9)
            if fit > 0:
                key = (-round(fit, 2), _chaos(data, codec), order)
                name = family.suggest if position == 0 and family.suggest else codec
                scored.append((key, Guess(family.label, name)))
            break
    if scored:
        return min(scored, key=lambda pair: pair[0])[1]
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in {"utf_8", "ascii", "cp1252"}:
        return None
    return Guess(best.encoding.upper().replace("_", "-"), best.encoding)


def _reads_as_western(text: str, data: bytes) -> bool:
    """Whether Windows-1252 ``text`` is Western European writing, not another table misread.

    In Western names and notes the non-ASCII letters sit inside words of ASCII letters
    (Müller, José, O’Brien). Cyrillic, Chinese, Japanese or Korean bytes read as Windows-1252
    give whole words of accented letters and symbols ("Îëüãà", "Ð¡Ã÷") or symbols inside words
    ("W¹sowski"), which is what is counted here; charset-normalizer then has to agree.
    """
    inside = foreign = 0
    for run in _NON_ASCII_RUN.finditer(text):
        chars = run.group()
        before = text[run.start() - 1 : run.start()]
        after = text[run.end() : run.end() + 1]
        touches = (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())
        opening = (
            len(chars) == 1 and chars in _OPENING_PUNCTUATION and not before.isalpha() and touches
        )
        letters = all(c.isalpha() or c in _INNER_PUNCTUATION for c in chars)
        if opening or (touches and letters) or (len(chars) == 1 and not touches):
            inside += 1
        else:
            foreign += 1
    if foreign:
        return False
    return _chaos(data, "cp1252") < 0.2


def encoding_choices() -> list[tuple[str, str]]:
    """(label, codec) of every encoding a person can choose for a CSV file, Western first."""
    western = [("UTF-8", "utf-8"), (f"{WESTERN} (Western European)", "cp1252")]
    return western + [(f.label, f.suggest or f.codecs[0]) for f in _FAMILIES]


def codec_label(codec: str) -> str:
    """A people's name for a codec: "KOI8-R (Russian)", "UTF-8", or the codec's own name."""
    name = codecs.lookup(codec).name
    for family in _FAMILIES:
        if name in {codecs.lookup(c).name for c in family.codecs}:
            return family.label
    labels = {"utf-8": "UTF-8", "cp1252": WESTERN, "utf-16": "UTF-16", "latin-1": "Latin-1"}
    return labels.get(name, name.upper())


def decode_text(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """The text of a CSV file and how it was decoded.

    Without ``encoding``: UTF-16 or UTF-8 (with or without BOM) when valid, else Windows-1252
    when it reads cleanly as Western text, else :class:`EncodingNotClear`. With ``encoding``:
    that codec, strictly. Binary files are refused either way.
    """
    if encoding is not None:
        return _decode_as(data, name, encoding)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise UserError(f"The file {name} is not a readable text file.") from None
    if data.startswith(b"PK\x03\x04"):
        raise UserError(
            f"The file {name} looks like an Excel workbook; save it with the .xlsx ending."
        )
    if b"\x00" in data:
        raise UserError(f"The file {name} is not a text file (it holds binary data).")
    try:
        text = data.decode("utf-8-sig")
        label = "UTF-8 with BOM" if data.startswith(codecs.BOM_UTF8) else "UTF-8"
    except UnicodeDecodeError:
        text, label = _western_or_refuse(data, name), WESTERN
    _refuse_binary(text, name)
    return text, label


def _western_or_refuse(data: bytes, name: str) -> str:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and _reads_as_western(text, data):
        return text
    raise EncodingNotClear(name, guess_encoding(data))


def _decode_as(data: bytes, name: str, encoding: str) -> tuple[str, str]:
    """Decode with the codec the user named, strictly; one sentence for every failure."""
    try:
        codec = codecs.lookup(encoding)
        b"x".decode(codec.name, "ignore")  # refuses byte-to-byte codecs (base64, zlib, ...)
    except LookupError:
        raise UserError(
            f'BridgeDesk does not know the encoding "{encoding}"; use a name such as utf-8, '
            "cp1252, cp1251, koi8-r, euc-jp, shift-jis, euc-kr, gbk or big5."
        ) from None
    label = codec_label(codec.name)
    try:
        text = data.decode(codec.name)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UserError(
            f"The file {name} is not {label} text: line {line} holds bytes that {label} "
            "does not have; check the encoding's name."
        ) from None
    text = text.removeprefix("\ufeff")
    _refuse_binary(text, name)
    return text, label


def _refuse_binary(text: str, name: str) -> None:
    if _CONTROL.search(text) or "\x00" in text:
        raise UserError(f"The file {name} is not a text file (it holds binary data).")


# -- CSV -------------------------------------------------------------------------------------------
def pick_delimiter(text: str) -> str:
    """csv.Sniffer on a sample, checked against the header line; else the commonest separator."""
    sample = text[:_SNIFF_SAMPLE]
    first_line = sample.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        delimiter = ""
    if delimiter and delimiter in first_line:
        return delimiter
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv_bytes(data: bytes, name: str, encoding: str | None = None) -> Table:
    text, label = decode_text(data, name, encoding)
    if not text.strip():
        raise UserError(f"The file {name} is empty.")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=pick_delimiter(text))
    table = Table(header=[], kind="line", source=SourceFormat(encoding=label))
    last_line = 0
    try:
        for record in reader:
            start_line = last_line + 1
            last_line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if not table.header:
                table.header = record
            else:
                table.rows.append((start_line, list(record)))
    except csv.Error as exc:
        raise UserError(
            f"The file {name} is not valid CSV near line {last_line + 1} ({exc})."
        ) from None
    return table


# -- XLSX ----------------------------------------------------------------------------------------
class _Doctype(Exception):
    """Raised from inside expat the moment a part starts a DOCTYPE."""


def _megabytes(size: int) -> str:
    return f"{size / 1024**3:.1f} GB" if size >= 1024**3 else f"{size / 1024**2:,.0f} MB"


def check_workbook(handle: BinaryIO, name: str) -> None:
    """Refuse a workbook that is cut short, damaged, a zip bomb or carries a DOCTYPE.

    Runs before openpyxl reads anything. Sizes come from the zip's directory, and zipfile
    never unpacks more than a part's recorded size, so the cap holds even when the directory
    lies; every part is then unpacked once, in chunks, and its XML parsed by expat with a
    handler that stops at a DOCTYPE, before any entity could be declared, expanded or fetched.
    """
    try:
        archive = zipfile.ZipFile(handle)
    except zipfile.BadZipFile:
        handle.seek(0)
        start = handle.read(8)
        if start.startswith(b"PK\x03\x04"):
            raise UserError(
                f"The workbook {name} is cut short: its end is missing, as after an "
                "interrupted download or copy; copy it or save it again."
            ) from None
        if start.startswith(_OLE2):
            raise UserError(
                f"The file {name} is an old-style Excel workbook (.xls) or a password-protected "
                "one; save it as .xlsx without a password."
            ) from None
        raise UserError(
            f"The file {name} could not be read as an Excel workbook: it is not in the .xlsx "
            "format (save it from your spreadsheet program as .xlsx or CSV)."
        ) from None
    except (OSError, EOFError, ValueError):
        raise UserError(
            f"The workbook {name} is damaged: its list of contents cannot be read; "
            "copy it or save it again."
        ) from None
    with archive:
        parts = archive.infolist()
        if "[Content_Types].xml" not in archive.namelist() or len(parts) > MAX_PARTS:
            raise UserError(
                f"The file {name} is a ZIP archive but not an Excel workbook; "
                "save the roster from your spreadsheet program as .xlsx or CSV."
            )
        total = sum(part.file_size for part in parts)
        if total > MAX_UNPACKED:
            raise UserError(
                f"The workbook {name} was not read: it would unpack to {_megabytes(total)}, "
                f"far more than any roster (at most {_megabytes(MAX_UNPACKED)}), so it is "
                "damaged or made to exhaust the computer's memory."
            )
        for part in parts:
            ratio = part.file_size / max(part.compress_size, 1)
            if part.file_size > _RATIO_FROM and ratio > MAX_RATIO:
                raise UserError(
                    f"The workbook {name} was not read: its part {part.filename} unpacks to "
                    f"{ratio:,.0f} times its packed size, which no spreadsheet does, so it is "
                    "damaged or made to exhaust the computer's memory."
                )
            if part.flag_bits & 0x1:
                raise UserError(
                    f"The workbook {name} is password-protected; save it without a password."
                )
        for part in parts:
            _check_part(archive, part, name)


def _check_part(archive: zipfile.ZipFile, part: zipfile.ZipInfo, name: str) -> None:
    parser = None
    if part.filename.lower().endswith(_XML_PARTS):
        parser = expat.ParserCreate()

        def refuse_doctype(*_args: object) -> None:
            raise _Doctype

        parser.StartDoctypeDeclHandler = refuse_doctype
        parser.EntityDeclHandler = refuse_doctype
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(_CHUNK):
                if parser is not None:
                    parser.Parse(chunk, False)
            if parser is not None:
                parser.Parse(b"", True)
    except _Doctype:
        raise UserError(
            f"The workbook {name} was not read: its part {part.filename} declares an XML "
            "document type (DOCTYPE), which Excel never writes and which can make a program "
            "read other files; save the roster again from your spreadsheet program."
        ) from None
    except expat.ExpatError as exc:
        raise UserError(
            f"The workbook {name} is damaged: its part {part.filename} is not valid XML "
            f"({expat.ErrorString(exc.code)} at line {exc.lineno}); open it in your "
            "spreadsheet program and save it again."
        ) from None
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        NotImplementedError,
        RuntimeError,
    ) as exc:
        log.info("a workbook part cannot be unpacked: %s", type(exc).__name__)
        raise UserError(
            f"The workbook {name} is damaged: its part {part.filename} cannot be unpacked "
            "(it is cut short or corrupted); copy it or save it again."
        ) from None


# What openpyxl raises on a workbook that passed check_workbook but is still not one it can
# read (a part missing, a value of the wrong kind): the sentence names the file, the log the rest.
_OPENPYXL_FAILURES = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    AttributeError,
    ParseError,
    NotImplementedError,
)


def read_xlsx(handle: BinaryIO, name: str, sheet: str | None = None) -> Table:
    """One worksheet (the first, or ``sheet``), read-only, with cached values for formulas."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    check_workbook(handle, name)
    handle.seek(0)
    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except (*_OPENPYXL_FAILURES, InvalidFileException) as exc:
        log.info("openpyxl could not open a workbook: %s", type(exc).__name__)
        raise UserError(
            f"The file {name} could not be read as an Excel workbook: it is damaged or was "
            "written by a program BridgeDesk does not know; open it in your spreadsheet "
            "program and save it again as .xlsx."
        ) from None
    try:
        return _read_sheet(workbook, name, sheet)
    except (*_OPENPYXL_FAILURES, InvalidFileException) as exc:
        log.info("openpyxl could not read a sheet: %s", type(exc).__name__)
        raise UserError(
            f"The workbook {name} is damaged: its sheet cannot be read; open it in your "
            "spreadsheet program and save it again."
        ) from None
    finally:
        workbook.close()


def _read_sheet(workbook: Workbook, name: str, wanted: str | None) -> Table:
    worksheets = list(workbook.worksheets)
    titles = tuple(str(ws.title) for ws in worksheets)
    table = Table(header=[], kind="row", sheet_chosen=wanted is not None)
    if not worksheets:
        raise UserError(
            f"The workbook {name} has no worksheet that can be read (a part of it is missing, "
            "or it holds only charts); open it in your spreadsheet program and save it again."
        )
    if wanted is None:
        chosen = worksheets[0]
    else:
        matches = [ws for ws in worksheets if ws.title == wanted] or [
            ws for ws in worksheets if str(ws.title).casefold() == wanted.strip().casefold()
        ]
        if not matches:
            raise SheetNotChosen(f'{name} has no sheet named "{wanted}"', titles)
        chosen = matches[0]
    table.source = SourceFormat(sheet=str(chosen.title), sheets=titles)
    for number, values in enumerate(chosen.iter_rows(values_only=True), start=1):
        cells: list[Cell] = list(values)
        if not any(c is not None and str(c).strip() for c in cells):
            continue
        if not table.header:
            table.header = ["" if c is None else str(c) for c in cells]
        else:
            table.rows.append((number, cells))
    return table


def has_roster_headings(header: list[str]) -> bool:
    """Whether any heading of ``header`` names a roster column (see headers.match_headers)."""
    known = {normalise(n) for names in FIELD_NAMES.values() for n in names}
    return any(normalise(str(h)) in known for h in header)
