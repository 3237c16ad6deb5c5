"""The layers of "Deep Learning from Scratch 2", one per file, with the book's protocol.

Every layer has ``params`` and ``grads`` (lists of arrays of the same shapes; ``backward`` writes
gradients into ``grads`` in place), ``forward(...)`` and ``backward(dout)``. Time layers take
``(N, T, D)`` batches and compute in the dtype of their parameters.

Start reading at ``lstm.py`` (the book's LSTM, one line per equation), ``rnn.py`` and ``gru.py``;
``recurrent.py`` runs a cell over time, ``cells.py`` registers the cells, and ``fast/`` holds fused
versions of the recurrent layers for speed. Import a layer from its module:
``from rnn_lab.engine.layers.lstm import TimeLSTM``.
"""
