"""PDF reports (reportlab). Qt-free: reports are built from plain data, so they run in tests and CLI."""
