"""RNN Lab: watch recurrent neural networks learn, live.

One installed package: ``rnn_lab.engine`` (pure NumPy: layers, models, tasks, optimizers, trainer,
checkpoints, the command line) and ``rnn_lab.gui`` (the PyQt6 + pyqtgraph window), with the
project's own texts, lessons and icon in ``rnn_lab/assets``. In a checkout the repository's root is
this package's folder. ``rnn-lab``, ``python -m rnn_lab`` and ``python main.py`` start the same program.

Importing ``rnn_lab`` imports nothing else (no NumPy, no Qt).
"""

__version__ = "0.2.0"  # the one place the version is written; pyproject.toml reads it from here
