"""Starting the window on an up-to-date program imports only what the first view needs.

Alembic (a tenth of a second) is for upgrades, and the report, spreadsheet, PDF-preview,
metrics, import and export modules and the views not yet shown are for later clicks. Checked
in a child process, as a user's start is: once the first view is filled, those modules must
not be in ``sys.modules``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

from bridgedesk.bootstrap import open_program
from bridgedesk.services.mentees.roster import MenteeFields, RosterService
from bridgedesk.services.program import details as program_settings

NOT_AT_START = (
    "alembic",
    "mako",
    "reportlab",
    "openpyxl",
    "pypdfium2",
    "bridgedesk.reports",
    "bridgedesk.services.metrics",
    "bridgedesk.services.importing",
    "bridgedesk.services.mentees.roster_export",
    "bridgedesk.ui.screens.welcome.welcome",
    "bridgedesk.ui.screens.dashboard.dashboard_view",
    "bridgedesk.ui.screens.reports.reports_view",
    "bridgedesk.ui.screens.timeline.timeline_view",
    "bridgedesk.ui.screens.checklists.checklists_view",
    "bridgedesk.ui.screens.deadlines.deadlines_view",
    "bridgedesk.ui.screens.insights.insights_view",
    "bridgedesk.ui.screens.mentors.mentors_view",
)

# Runs ``python -m bridgedesk`` and writes the loaded modules when the probe says "ready".
CHILD = """
import json, sys
from bridgedesk.ui.startup import ready_probe
_ready = ready_probe.ReadyProbe._ready
def ready(self):
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(sorted(sys.modules), out)
    _ready(self)
ready_probe.ReadyProbe._ready = ready
from bridgedesk.cli.main import main
sys.exit(main(sys.argv[2:]))
"""


def _up_to_date_program(data_paths) -> None:
    ctx = open_program(data_paths, actor="tester")
    try:
        program_settings.save(
            ctx, program_settings.ProgramSettings("Hillside District Hospital", "IMG Bridge", "")
        )
        RosterService(ctx, clock=lambda: dt.date(2026, 1, 15)).create(
            MenteeFields(
                given_names="Selam",
                family_name="Tesfaye",
                native_name="ሰላም ተስፋዬ",
                start_date=dt.date(2025, 7, 1),
                notes="<b>&amp;</para>",
            )
        )
    finally:
        ctx.db.dispose()
    (data_paths.root / "gui-settings.ini").write_text(
        "[main_window]\nlast_view=mentees\n", encoding="utf-8"
    )


def test_first_view_ready_without_upgrade_report_or_other_view_modules(data_paths, tmp_path):
    _up_to_date_program(data_paths)
    listing = tmp_path / "modules.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BRIDGEDESK_EXIT_WHEN_READY="1")
    env.pop("BRIDGEDESK_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(listing), "--data-dir", str(data_paths.root)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "ready" in done.stdout, done.stderr
    loaded = json.loads(listing.read_text(encoding="utf-8"))
    assert "bridgedesk.ui.screens.mentees.roster_view" in loaded  # the first view really was built
    assert "sqlalchemy.orm" in loaded
    early = [m for m in loaded if any(m == n or m.startswith(n + ".") for n in NOT_AT_START)]
    assert early == []


def test_the_window_reads_the_same_database_variable_as_the_services():
    from bridgedesk.services.program_file import connection_settings
    from bridgedesk.ui import app

    assert app.ENV_DATABASE_URL == connection_settings.ENV_DATABASE_URL
