from cleanclaim.cli import main

raise SystemExit(main())
