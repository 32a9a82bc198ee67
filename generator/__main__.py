"""`python -m generator`: the same commands as the `timeline` console script."""

import sys

from .cli import main

sys.exit(main())
