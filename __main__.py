"""``python -m rnn_lab``: the same program as ``rnn-lab`` and ``python main.py``."""

import sys

from rnn_lab.main import main

if __name__ == "__main__":
    sys.exit(main())
