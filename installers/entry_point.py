"""What the frozen ``bridgedesk`` executable runs: the ``bridgedesk`` console script.

PyInstaller needs a script file, not an entry-point name; this is bridgedesk.cli.main:main,
so no subcommand starts the GUI and any subcommand runs on the command line.
"""

from bridgedesk.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
