"""Real roster files that go wrong: legacy encodings, damaged, hostile and bomb workbooks.

Every file is written to disk the way another program would leave it; nothing is faked in
memory. The workbooks start from a good one saved by openpyxl and change its zip parts.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from tests.unit.roster_samples import write_csv

SHEET = "xl/worksheets/sheet1.xml"

# names as people write them, per legacy encoding: (codec, (given, family) pairs, label, option)
LEGACY: list[tuple[str, list[tuple[str, str]], str, str]] = [
    (
        "cp1251",
        [("Ольга", "Иванова"), ("Дмитрий", "Смирнов"), ("Анна", "Кузнецова"), ("Ли", "Ян")],
        "Windows-1251 (Cyrillic)",
        "cp1251",
    ),
    (
        "koi8-r",
        [("Ольга", "Иванова"), ("Сергей", "Попов"), ("Наталья", "Новикова"), ("Ёж", "Фёдоров")],
        "KOI8-R (Russian)",
        "koi8-r",
    ),
    (
        "euc-jp",
        [("はなこ", "山田"), ("太郎", "鈴木"), ("さくら", "佐藤"), ("健太", "高橋")],
        "EUC-JP (Japanese)",
        "euc-jp",
    ),
    (
        "euc-kr",
        [("민준", "김"), ("서연", "이"), ("지호", "박"), ("하은", "최")],
        "EUC-KR (Korean)",
        "euc-kr",
    ),
    (
        "gbk",
        [("小明", "王"), ("丽", "李"), ("伟", "张"), ("秀英", "杨")],
        "GBK (Simplified Chinese)",
        "gbk",
    ),
]


def legacy_csv(path: Path, codec: str, names: list[tuple[str, str]]) -> Path:
    """A roster CSV written in ``codec``, as old Russian/Japanese/Korean/Chinese software does."""
    rows = [
        {
            "Given names": given,
            "Family name": family,
            "Start date": f"2025-07-{day:02d}",
            "Country of training": "X",
        }
        for day, (given, family) in enumerate(names, start=1)
    ]
    return write_csv(path, rows, encoding=codec)


def good_workbook(path: Path, rows: int = 2) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Roster"
    ws.append(["Given names", "Family name", "Start date"])
    for i in range(rows):
        ws.append([f"Ana{i}", "Silva", "2025-07-01"])
    wb.save(path)
    return path


def rewrite_parts(source: Path, target: Path, change: Callable[[str, bytes], bytes | None]) -> Path:
    """Copy a workbook part by part; ``change`` returns new bytes for a part, or None to drop it."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = change(info.filename, zin.read(info.filename))
            if body is not None:
                zout.writestr(info.filename, body)
    return target


def workbook_with_doctype(tmp_path: Path, secret_file: Path) -> Path:
    """An XXE workbook: a DOCTYPE whose external entity names ``secret_file``, used in a cell."""
    source = good_workbook(tmp_path / "plain.xlsx")
    doctype = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<!DOCTYPE worksheet [<!ENTITY secret SYSTEM "' + secret_file.as_uri().encode() + b'">]>'
    )

    def change(name: str, body: bytes) -> bytes:
        if name != SHEET:
            return body
        head, tail = body.split(b"</sheetData>")
        row = (
            b'<row r="9"><c r="A9" t="inlineStr"><is><t>&secret;</t></is></c>'
            b'<c r="B9" t="inlineStr"><is><t>Leak</t></is></c>'
            b'<c r="C9" t="inlineStr"><is><t>2025-07-01</t></is></c></row>'
        )
        return doctype + head + row + b"</sheetData>" + tail

    return rewrite_parts(source, tmp_path / "xxe.xlsx", change)


def workbook_with_broken_xml(tmp_path: Path) -> Path:
    """The sheet's XML stops in the middle of a cell, as a crashed program leaves it."""
    source = good_workbook(tmp_path / "plain.xlsx")
    return rewrite_parts(
        source,
        tmp_path / "malformed.xlsx",
        lambda name, body: body[: len(body) // 2] if name == SHEET else body,
    )


def workbook_cut_short(tmp_path: Path) -> Path:
    """The first half of a good workbook: an interrupted download or copy."""
    data = good_workbook(tmp_path / "plain.xlsx", rows=50).read_bytes()
    path = tmp_path / "truncated.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


def workbook_with_cut_part(tmp_path: Path) -> Path:
    """A complete zip whose sheet part holds only the first half of its deflate stream.

    The part's headers give its real size and checksum, as if the writer died mid-part.
    """
    source = good_workbook(tmp_path / "plain.xlsx", rows=200)
    path = tmp_path / "cut-part.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename == SHEET:
                sheet = body
                packer = zlib.compressobj(9, zlib.DEFLATED, -15)
                packed = packer.compress(body) + packer.flush()
                cut = packed[: len(packed) // 2]
                zout.writestr(zipfile.ZipInfo(SHEET), cut)  # stored as is: patched below
            else:
                zout.writestr(info.filename, body, compress_type=zipfile.ZIP_DEFLATED)
    data = bytearray(path.read_bytes())
    fields = (zlib.crc32(sheet), len(cut), len(sheet))
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + name_length]) == SHEET.encode():
            local = struct.unpack_from("<I", data, at + 42)[0]
            struct.pack_into("<H", data, at + 10, zipfile.ZIP_DEFLATED)
            struct.pack_into("<III", data, at + 16, *fields)
            struct.pack_into("<H", data, local + 8, zipfile.ZIP_DEFLATED)
            struct.pack_into("<III", data, local + 14, *fields)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


def workbook_with_lying_sizes(tmp_path: Path, megabytes: int) -> Path:
    """A zip bomb whose directory says its sheet unpacks to 4 KB (so size checks alone pass)."""
    path = zip_bomb(tmp_path / "liar.xlsx", megabytes)
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + name_length]) == SHEET.encode():
            struct.pack_into("<I", data, at + 24, 4096)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


def zip_bomb(path: Path, megabytes: int) -> Path:
    """A workbook whose sheet holds one cell of ``megabytes`` MB of "A": about 1 KB per MB packed."""
    source = good_workbook(path.with_name("bomb-source.xlsx"))
    chunk = b"A" * (1024 * 1024)
    with (
        zipfile.ZipFile(source) as zin,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout,
    ):
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename != SHEET:
                zout.writestr(info.filename, body)
                continue
            head, tail = body.split(b"</sheetData>")
            with zout.open(SHEET, "w", force_zip64=megabytes >= 2048) as fh:
                fh.write(head + b'<row r="3"><c r="A3" t="inlineStr"><is><t>')
                for _ in range(megabytes):
                    fh.write(chunk)
                fh.write(b"</t></is></c></row></sheetData>" + tail)
    return path


def workbook_with_sheets(path: Path, sheets: list[tuple[str, list[list[object]]]]) -> Path:
    """A workbook with these sheets, in order, each with its rows."""
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path
