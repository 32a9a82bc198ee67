"""`python -m generator`: the same commands as the `timeline` console script."""

import sys

from generator.cli import main

sys.exit(main())
