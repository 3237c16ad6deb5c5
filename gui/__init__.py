"""RNN Lab's window: PyQt6 + pyqtgraph widgets over the engine. Does no math."""
