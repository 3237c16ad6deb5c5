"""Fused versions of the recurrent Time layers: the same numbers as ``layers/rnn.py``, ``lstm.py`` and
``gru.py`` (a test holds them equal), computed faster. Read those files first."""
