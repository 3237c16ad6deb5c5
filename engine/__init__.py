"""RNN Lab's training engine: pure NumPy, no Qt.

Layers follow the protocol of "Deep Learning from Scratch 2": each has ``params`` and
``grads`` (lists of arrays of the same shapes; ``backward`` writes gradients in place),
``forward(...)`` and ``backward(dout)``. Time layers take ``(N, T, D)`` batches.
"""
