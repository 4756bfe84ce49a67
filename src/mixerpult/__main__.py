"""`python -m mixerpult` runs the same CLI as the `mixerpult` console script."""

from mixerpult.cli import main

raise SystemExit(main())
