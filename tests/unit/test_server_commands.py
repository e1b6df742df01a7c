"""Every command on a shared server names it first (never its password), and every command
without the PostgreSQL driver says in one sentence how to install it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from bridgedesk.cli.main import main
from bridgedesk.paths import DataPaths
from bridgedesk.services.program_file import connection_settings, server_backup
from tests.safety.cli_runs import roster_file
from tests.unit.server_programs import database, demo_templates

PASSWORD = "Not-Shown-7731"  # the test server trusts every connection: any password works
DRIVER_MISSING = (
    "bridgedesk: This BridgeDesk has no PostgreSQL driver; install the PostgreSQL support: "
    "pip install 'bridgedesk[postgres]'.\n"
)
# A child whose ``import psycopg`` fails, as on a machine without the PostgreSQL extra.
WITHOUT_PSYCOPG = (
    "import sys\n"
    "sys.modules['psycopg'] = None\n"
    "from bridgedesk.cli.main import main\n"
    "raise SystemExit(main(sys.argv[1:]))\n"
)


@pytest.fixture(scope="module")
def sound_template(postgres_admin, tmp_path_factory):
    server_url, admin = postgres_admin
    with demo_templates(server_url, admin, tmp_path_factory.mktemp("demo-data")) as names:
        yield names[1]


def with_password(url: str) -> str:
    return make_url(url).set(password=PASSWORD).render_as_string(hide_password=False)


def shown(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def commands(tmp_path: Path, dump: Path) -> dict[str, list[str]]:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    return {
        "check": ["check"],
        "backup": ["backup"],
        "backup --list": ["backup", "--list"],
        "import roster --dry-run": ["import", "roster", str(roster_file(tmp_path)), "--dry-run"],
        "import roster": ["import", "roster", str(roster_file(tmp_path))],
        "export roster": ["export", "roster", str(out / "roster.csv")],
        "report program": ["report", "program", "--out", str(out / "program.pdf")],
        "report mentee": ["report", "mentee", "1", "--out", str(out / "mentee.pdf")],
        "demo --force": ["demo", "--force", "--mentees", "3"],
        "restore": ["restore", str(dump)],
    }


def test_every_command_on_a_server_names_it_first_without_the_password(
    capsys, tmp_path, postgres_admin, sound_template
):
    server_url, admin = postgres_admin
    data = tmp_path / "data"
    with database(server_url, admin, sound_template) as program:
        dump = server_backup.backup_server(program, tmp_path)
        for name, args in commands(tmp_path, dump).items():
            # restore goes into an empty database; every other command into the program
            with database(server_url, admin, None if name == "restore" else sound_template) as url:
                code = main(["--data-dir", str(data), "--database-url", with_password(url), *args])
                out, err = capsys.readouterr()
                assert (name, code, err) == (name, 0, "")
                assert out.splitlines()[0] == f"Server database: {shown(with_password(url))}"
                assert "***" in out.splitlines()[0]
                assert PASSWORD not in out
    log = "".join(p.read_text() for p in (data / "logs").glob("*.log*"))
    assert PASSWORD not in log


def test_the_saved_server_is_named_too(capsys, tmp_path, postgres_admin, sound_template, store):
    server_url, admin = postgres_admin
    paths = DataPaths(tmp_path / "data").ensure()
    with database(server_url, admin, sound_template) as url:
        connection_settings.save_url(paths, with_password(url))
        code = main(["--data-dir", str(paths.root), "check"])
        out, _ = capsys.readouterr()
    assert code == 0
    assert out.splitlines() == [f"Server database: {shown(with_password(url))}", "OK"]
    assert PASSWORD not in out


def test_a_command_on_the_program_file_prints_no_server_line(capsys, tmp_path):
    code = main(["--data-dir", str(tmp_path / "data"), "backup", "--list"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert out == f"No backups in {tmp_path / 'data' / 'backups'}.\n"


@pytest.mark.slow  # real processes, one per command
def test_without_the_driver_every_command_says_what_to_install(tmp_path):
    url = "postgresql://director@127.0.0.1:1/program"  # nothing listens: never reached
    dump = tmp_path / "program.dump"
    dump.write_bytes(b"PGDMP")
    everything = commands(tmp_path, dump) | {
        "report packet": ["report", "packet", "--out", str(tmp_path / "packet.pdf")]
    }
    running = {
        name: subprocess.Popen(
            [sys.executable, "-c", WITHOUT_PSYCOPG, "--data-dir", str(tmp_path / name)]
            + ["--database-url", url, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, args in everything.items()
    }
    said = {name: (*run.communicate(timeout=90), run.returncode) for name, run in running.items()}
    for name, (out, err, code) in said.items():
        assert (name, code, err) == (name, 1, DRIVER_MISSING)
        assert (name, out) == (
            name,
            "Server database: postgresql+psycopg://director@127.0.0.1:1/program\n",
        )


@pytest.mark.slow  # real processes, one per command
def test_without_the_driver_the_saved_server_says_what_to_install(tmp_path, no_store):
    paths = DataPaths(tmp_path / "data").ensure()
    connection_settings.save_url(paths, "postgresql://director@127.0.0.1:1/program")
    for args in (["check"], ["backup", "--list"]):
        done = subprocess.run(
            [sys.executable, "-c", WITHOUT_PSYCOPG, "--data-dir", str(paths.root), *args],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert (done.returncode, done.stderr) == (1, DRIVER_MISSING)
