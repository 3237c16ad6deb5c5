"""Fixtures of the per-cell test files: a module that names its ``CELL`` (and its sizes ``N, T, D, H``)
gets ``impl`` (each implementation the cell has), ``params`` and ``xs`` for it."""

import pytest

from tests.engine.layers import recurrent_checks as checks


def pytest_generate_tests(metafunc):
    cell = getattr(metafunc.module, "CELL", None)
    if cell is not None and "impl" in metafunc.fixturenames:
        metafunc.parametrize("impl", checks.impls(cell))


@pytest.fixture
def params(request, rng):
    m = request.module
    return checks.random_params(m.CELL, m.D, m.H, rng)


@pytest.fixture
def xs(request, rng):
    m = request.module
    return rng.standard_normal((m.N, m.T, m.D))
