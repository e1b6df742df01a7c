"""The list of command groups; each module adds its subcommands to the parser."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from bridgedesk.cli import (
    cmd_data,
    cmd_demo,
    cmd_forms,
    cmd_match,
    cmd_report,
    cmd_safety,
    cmd_server,
)

Registrar = Callable[[argparse._SubParsersAction, argparse.ArgumentParser], None]  # type: ignore[type-arg]

REGISTRARS: list[Registrar] = [
    cmd_demo.register,
    cmd_data.register,
    cmd_forms.register,
    cmd_match.register,
    cmd_report.register,
    cmd_safety.register,
    cmd_server.register,
]
