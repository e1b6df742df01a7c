"""The phase a mentee is in, as every screen and report shows it.

The phase follows from the start date and the program's phase spans, by the one rule in
:mod:`bridgedesk.domain.phases`; a phase the director set by hand (``phase_override_id``)
wins, and is shown as such. Nothing stores the derived phase, so it never goes stale.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bridgedesk.domain.phases import PhaseSpan, phase_on_date
from bridgedesk.storage.models import Phase

BY_HAND = "set by hand"


@dataclass(frozen=True)
class ShownPhase:
    name: str  # the phase shown: the one set by hand, else the derived one
    derived: str  # the phase the start date gives
    by_hand: bool

    @property
    def label(self) -> str:
        """``Orientation`` or ``Rest of year 1 (set by hand)``."""
        return f"{self.name} ({BY_HAND})" if self.by_hand and self.name else self.name


@dataclass(frozen=True)
class ProgramPhases:
    """The program's phases, read once and asked about many mentees."""

    spans: tuple[PhaseSpan, ...]
    names: dict[int, str]
    order: tuple[str, ...]  # names in program order

    def derived_id(self, start: dt.date | None, on: dt.date) -> int | None:
        if start is None:
            return None
        return phase_on_date(self.spans, start, on)

    def derived(self, start: dt.date | None, on: dt.date) -> str:
        phase_id = self.derived_id(start, on)
        return self.names.get(phase_id, "") if phase_id is not None else ""

    def shown(self, start: dt.date | None, override_id: int | None, on: dt.date) -> ShownPhase:
        derived = self.derived(start, on)
        if override_id is not None and override_id in self.names:
            return ShownPhase(self.names[override_id], derived, True)
        return ShownPhase(derived, derived, False)

    def id_of(self, name: str) -> int | None:
        folded = name.strip().casefold()
        return next((pid for pid, n in self.names.items() if n.casefold() == folded), None)


def read_phases(session: Session) -> ProgramPhases:
    rows = session.execute(
        select(Phase.id, Phase.name, Phase.start_day, Phase.end_day).order_by(Phase.position)
    ).all()
    return ProgramPhases(
        spans=tuple(PhaseSpan(pid, first, last) for pid, _name, first, last in rows),
        names={pid: name for pid, name, _first, _last in rows},
        order=tuple(name for _pid, name, _first, _last in rows),
    )


def phase_on(exit_date: dt.date | None, today: dt.date) -> dt.date:
    """The day a mentee's phase is read on: today, or the exit day of one who left."""
    return min(exit_date, today) if exit_date is not None else today
