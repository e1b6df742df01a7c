"""The sources of the attention list: each a small function returning rows; the list ranks them.

Adding a new kind of row (pair-health flags, say) is one function and one line here:

1. write ``def pair_rows(ctx: ServiceContext, scope: Scope) -> list[AttentionRow]`` in its own
   module of this package: read what it needs in one ``ctx.read()``, honour ``scope.site``,
   and return one :class:`~bridgedesk.services.attention.rows.AttentionRow` per thing to do,
   with a ``key`` that names the item and its state (so a dismissal lasts until it changes),
   a ``group`` placing the kind in the ranking (``rows.GROUP_...``; pick a number between
   two existing ones), a ``severity``, a sentence saying what to do, and a ``Target``;
2. add its kind and label to ``rows.KIND_LABELS`` (the summary and the GUI name it);
3. add the function to ``SOURCES`` below; if it can return LAPSED or SOON rows, add it (or
   a quicker variant returning just those) to ``URGENT_SOURCES``: the roster marks them.
"""

from __future__ import annotations

from collections.abc import Callable

from bridgedesk.services.attention.checklist_rows import checklist_rows
from bridgedesk.services.attention.credential_rows import credential_rows, urgent_credential_rows
from bridgedesk.services.attention.mentor_rows import mentor_rows
from bridgedesk.services.attention.overdue_rows import overdue_rows
from bridgedesk.services.attention.pair_rows import pair_rows
from bridgedesk.services.attention.rows import AttentionRow, Scope
from bridgedesk.services.attention.survey_rows import survey_rows
from bridgedesk.services.context import ServiceContext

Source = Callable[[ServiceContext, Scope], list[AttentionRow]]

SOURCES: tuple[Source, ...] = (
    credential_rows, overdue_rows, pair_rows, survey_rows, mentor_rows, checklist_rows,
)  # fmt: skip
# The urgent rows (Severity.LAPSED or SOON) of the sources that have some, read quickly: the
# roster asks only these (urgent_credential_rows: credential_rows within 30 days).
URGENT_SOURCES: tuple[Source, ...] = (urgent_credential_rows,)
