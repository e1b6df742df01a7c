"""The user guide: HTML pages shipped in resources/help, shown offline in a help window."""
