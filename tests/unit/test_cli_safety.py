"""check / backup / restore from the command line, on real files."""

from __future__ import annotations

import sqlite3

from bridgedesk.cli.main import main
from bridgedesk.storage.backup import list_backups


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _make_program(tmp_path, capsys):
    data = tmp_path / "data"
    code, _, _ = run(capsys, "--data-dir", str(data), "backup", "--list")
    assert code == 0
    from bridgedesk.bootstrap import open_program
    from bridgedesk.paths import DataPaths

    ctx = open_program(DataPaths(data))
    with ctx.unit_of_work() as s:
        from datetime import date

        from bridgedesk.storage.models import Mentee

        s.add(
            Mentee(
                given_names="Selam",
                family_name="Tesfaye",
                native_name="ሰላም ተስፋዬ",
                start_date=date(2025, 7, 1),
            )
        )
    ctx.db.dispose()
    return data


def test_check_ok_on_a_sound_file(tmp_path, capsys):
    data = _make_program(tmp_path, capsys)
    code, out, _ = run(capsys, "--data-dir", str(data), "check")
    assert code == 0
    assert out.strip() == "OK"


def test_check_reports_damage_and_newest_good_backup(tmp_path, capsys):
    data = _make_program(tmp_path, capsys)
    assert run(capsys, "--data-dir", str(data), "backup")[0] == 0
    db = data / "bridgedesk.db"
    raw = bytearray(db.read_bytes())
    raw[4096:8192] = b"\xde\xad\xbe\xef" * 1024  # random damage in the middle
    db.write_bytes(bytes(raw))
    code, out, err = run(capsys, "--data-dir", str(data), "check")
    assert code == 1
    assert "Problem:" in out
    assert "Newest good backup:" in out
    assert "Traceback" not in err


def test_backup_restore_round_trip_keeps_current_file(tmp_path, capsys):
    data = _make_program(tmp_path, capsys)
    code, out, _ = run(capsys, "--data-dir", str(data), "backup", "--to", str(tmp_path / "copy.db"))
    assert code == 0 and "verified" in out
    # change the program after the backup, then restore the backup
    conn = sqlite3.connect(data / "bridgedesk.db")
    conn.execute("UPDATE mentees SET family_name = 'Changed'")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "--data-dir", str(data), "restore", str(tmp_path / "copy.db"))
    assert code == 0
    conn = sqlite3.connect(data / "bridgedesk.db")
    assert conn.execute("SELECT family_name, native_name FROM mentees").fetchall() == [
        ("Tesfaye", "ሰላም ተስፋዬ")
    ]
    conn.close()
    kept = [b for b in list_backups(data / "backups") if b.reason == "before-restore"]
    assert len(kept) == 1
    conn = sqlite3.connect(kept[0].path)
    assert conn.execute("SELECT family_name FROM mentees").fetchall() == [("Changed",)]
    conn.close()


def test_restore_refuses_foreign_and_damaged_files(tmp_path, capsys):
    data = _make_program(tmp_path, capsys)
    text_file = tmp_path / "notes.db"
    text_file.write_text("not a database", encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", str(data), "restore", str(text_file))
    assert code == 1 and "not a database" in err and "Traceback" not in err
    foreign = tmp_path / "other.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "--data-dir", str(data), "restore", str(foreign))
    assert code == 1 and "not a BridgeDesk database" in err
    code, out, _ = run(capsys, "--data-dir", str(data), "check")
    assert code == 0  # the program file was left as it was


def test_backup_list_shows_backups(tmp_path, capsys):
    data = _make_program(tmp_path, capsys)
    run(capsys, "--data-dir", str(data), "backup")
    code, out, _ = run(capsys, "--data-dir", str(data), "backup", "--list")
    assert code == 0 and "manual" in out and "KB" in out


def test_version_and_missing_file_messages(tmp_path, capsys):
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "empty"), "check")
    assert code == 1 and "no program database" in out
