"""What every registered recurrent cell must pass, readable and fast (``recurrent_checks``): gradient
checks against numerical differentiation, the initial state and its gradient, stateful use, float32
against float64, fresh results, the trace, bad arguments and edge sizes. A new cell registered in
``engine/layers/cells.py`` gets all of these; its own file tests only what is its own (its equations)."""

import pytest

from rnn_lab.engine.layers.cells import CELLS
from tests.engine.layers import recurrent_checks as checks

N, T, D, H = 2, 4, 3, 5
OPTIONS = {"rnn": [{"activation": a} for a in ("tanh", "sigmoid", "relu")]}

CASES = [(cell, impl, options) for cell in CELLS for impl in checks.impls(cell) for options in OPTIONS.get(cell, [{}])]


def _case_id(case) -> str:
    cell, impl, options = case
    return "-".join([cell, impl, *map(str, options.values())])


@pytest.fixture(params=CASES, ids=[_case_id(c) for c in CASES])
def case(request):
    return request.param


def random_params(cell, d, h, rng):
    params = checks.random_params(cell, d, h, rng)
    if cell == "rnn":  # a positive bias keeps most relu units alive, so every gradient is tested
        params[2] = params[2] + 0.5
    return params


@pytest.fixture
def params(case, rng):
    return random_params(case[0], D, H, rng)


@pytest.fixture
def xs(rng):
    return rng.standard_normal((N, T, D))


def test_gradient_check(case, params, xs, rng):
    cell, impl, options = case
    checks.check_gradients(cell, params, xs, rng, impl, **options)


def test_initial_state_and_its_gradients(case, params, xs, rng):
    cell, impl, options = case
    checks.check_initial_state_grads(cell, params, xs, rng, impl, **options)


def test_stateful_carries_the_state_without_gradient_across_calls(case, params, xs, rng):
    cell, impl, options = case
    checks.check_stateful(cell, params, xs, rng, impl, **options)


def test_set_state_is_used_once_when_not_stateful(case, params, xs, rng):
    cell, impl, options = case
    checks.check_set_state_is_used_once(cell, params, xs, rng, impl, **options)


def test_float32_close_to_float64(case, params, xs, rng):
    cell, impl, options = case
    checks.check_float32(cell, params, xs, rng, impl, **options)


def test_results_are_not_internal_buffers(case, params, xs, rng):
    cell, impl, options = case
    checks.check_results_are_not_internal_buffers(cell, params, xs, rng, impl, **options)


def test_trace(case, params, xs, rng):
    cell, impl, options = case
    checks.check_trace(cell, params, xs, rng, impl, **options)


def test_bad_arguments_raise_value_error_naming_shapes(case, params, xs):
    cell, impl, _ = case
    checks.check_bad_arguments(cell, params, xs, impl)


@pytest.mark.parametrize("shape", [(1, 4, 3, 5), (2, 1, 3, 5), (2, 4, 3, 1), (1, 1, 1, 1)])
def test_edge_sizes(shape, case, rng):
    cell, impl, options = case
    n, t, d, h = shape
    params = random_params(cell, d, h, rng)
    checks.check_gradients(cell, params, rng.standard_normal((n, t, d)), rng, impl, all_used=False, **options)
