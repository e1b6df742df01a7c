"""A PostgreSQL server of one test module's own, that the test may stop and start again.

The shared session server (tests/postgres_server.py) trusts every connection and must stay
up for other tests; connection-loss and wrong-password tests need a server with password
authentication that they can take down. Same binaries and port choice as the shared one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.postgres_server import _as_postgres, _bin_dir, _free_port

PASSWORD = "s3cret-Pässword"
USER = "postgres"


class PrivateServer:
    """initdb with scram-sha-256 passwords; start(), stop() and url() on a fixed port."""

    def __init__(self) -> None:
        self.bindir = _bin_dir()
        self.folder = Path(tempfile.mkdtemp(prefix="bridgedesk-pg-own-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        os.chmod(self.folder, 0o700)
        pwfile = self.folder / "pw"
        pwfile.write_text(PASSWORD + "\n", encoding="utf-8")
        if os.geteuid() == 0:
            shutil.chown(pwfile, "postgres", "postgres")
        subprocess.run(
            _as_postgres(
                [
                    str(self.bindir / "initdb"),
                    "-D",
                    str(self.data),
                    "-U",
                    USER,
                    "-A",
                    "scram-sha-256",
                    f"--pwfile={pwfile}",
                    "-E",
                    "UTF8",
                    "--no-sync",
                    "--locale=C.UTF-8",
                ]
            ),
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        opts = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} "
            "-c fsync=off -c full_page_writes=off"
        )
        subprocess.run(
            _as_postgres(
                [
                    str(self.bindir / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-w",
                    "-l",
                    str(self.folder / "log"),
                    "-o",
                    opts,
                    "start",
                ]
            ),
            check=True,
            capture_output=True,
        )

    def stop(self) -> None:
        subprocess.run(
            _as_postgres(
                [str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"]
            ),
            check=True,
            capture_output=True,
        )

    def url(self, database: str = "postgres", password: str = PASSWORD) -> str:
        from sqlalchemy.engine import URL

        return URL.create(
            "postgresql+psycopg",
            username=USER,
            password=password,
            host="127.0.0.1",
            port=self.port,
            database=database,
        ).render_as_string(hide_password=False)

    def remove(self) -> None:
        subprocess.run(
            _as_postgres(
                [str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"]
            ),
            capture_output=True,
        )
        shutil.rmtree(self.folder, ignore_errors=True)
