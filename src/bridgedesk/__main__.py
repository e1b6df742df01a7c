from bridgedesk.cli.main import main

raise SystemExit(main())
