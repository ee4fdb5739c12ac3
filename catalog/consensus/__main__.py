"""``python -m catalog.consensus``: the command line of ``cli``."""

import sys

from catalog.consensus.cli import main

sys.exit(main())
