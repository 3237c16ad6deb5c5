"""The tasks behind one protocol (``base.Task``), registered in ``registry.py``.

Import what you need from its module: ``from rnn_lab.engine.tasks.registry import make_task``.
"""
