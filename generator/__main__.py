"""``python -m generator`` is ``typegen``: the same parser, exit codes and output."""

import sys

from generator.cli import main

if __name__ == "__main__":
    sys.exit(main())
