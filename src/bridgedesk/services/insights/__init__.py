"""The two-way learning log: what the hospital learns from its IMGs."""
