"""Random generators as plain arrays, so that a checkpoint can store them without pickle.

Every random stream of a run is an explicit ``numpy.random.Generator`` (weights, batches and dropout
draw from the task's; display sampling from the trainer's own). Exact resume stores each one's full
state with ``rng_state_to_array`` and puts it back with ``rng_state_from_array``.
"""

from __future__ import annotations

import json

import numpy as np


def rng_state_to_array(rng: np.random.Generator) -> np.ndarray:
    """A Generator's full state as a uint8 array (JSON bytes), storable in an .npz without pickle."""
    return np.frombuffer(json.dumps(rng.bit_generator.state).encode(), dtype=np.uint8).copy()


def rng_state_from_array(rng: np.random.Generator, arr: np.ndarray) -> None:
    """Restore the state saved by ``rng_state_to_array`` into ``rng`` (same bit generator kind)."""
    try:
        state = json.loads(bytes(np.asarray(arr, dtype=np.uint8)).decode())
        rng.bit_generator.state = state
    except (ValueError, TypeError, KeyError) as exc:
        raise ValueError(f"corrupt random-generator state: {exc}") from None
