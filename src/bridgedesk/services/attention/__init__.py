"""The Dashboard's "Needs attention" list: one ranked list of what to do this week.

- ``needs_attention.attention_list``: the ranked rows for the program (or one site) on a day;
  ``urgent_mentees``: the rows the roster marks (lapsed, or due within 30 days);
- ``decisions``: snooze (until a date) or dismiss (with a reason) a row, restore it;
- ``summary.attention_summary``: counts per kind, for reports;
- ``sources``: the list of row sources, and how to add a new kind of row;
- ``rows``: the row, its severity, its target (view + mentee + item), the ranking groups.

No Qt here: the GUI (ui/screens/dashboard/attention_list.py) calls these.
"""
