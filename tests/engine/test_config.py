"""Config: coercion against field metadata, strict keys, JSON round trip (task defaults: tasks/test_registry.py)."""

import dataclasses
import json

import pytest

from rnn_lab.engine.config import FIELDS, TASK_SETTINGS, Config, coerce, field_info, live_fields
from rnn_lab.engine.tasks.registry import TASKS, default_config


@pytest.mark.parametrize("name, given, expected", [
    ("hidden", "64", 64),
    ("hidden", 64.0, 64),
    ("lr", "0.5", 0.5),
    ("lr", 1, 1.0),
    ("clip", "0", 0.0),
    ("tie_weights", "yes", True),
    ("tie_weights", "off", False),
    ("tie_weights", 1, True),
    ("optimizer", "sgd", "sgd"),
    ("dtype", "float64", "float64"),
    ("max_steps", "1000", 1000),
])
def test_coerce_converts_types(name, given, expected):
    value = coerce(name, given)
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize("name, given, words", [
    ("hidden", 0, ["hidden", "between"]),
    ("hidden", 4096, ["hidden", "between"]),
    ("hidden", 3.5, ["hidden", "int"]),
    ("hidden", "many", ["hidden", "int"]),
    ("lr", 0.0, ["lr", "between"]),
    ("lr", 1000.0, ["lr", "between"]),
    ("lr", float("nan"), ["lr", "finite"]),
    ("lr", float("inf"), ["lr", "finite"]),
    ("lr", "fast", ["lr", "float"]),
    ("dropout", 0.95, ["dropout", "between"]),
    ("optimizer", "adamw", ["optimizer", "one of"]),
    ("schedule", "linear", ["schedule", "one of"]),
    ("tie_weights", "maybe", ["tie_weights", "bool"]),
    ("impl", "turbo", ["impl", "readable, fast"]),
    ("nonsense", 1, ["unknown", "nonsense"]),
])
def test_coerce_rejects_with_the_field_name(name, given, words):
    with pytest.raises(ValueError) as info:
        coerce(name, given)
    for word in words:
        assert word in str(info.value)


def test_bounds_are_inclusive():
    info = field_info("dropout")
    assert coerce("dropout", info["min"]) == info["min"]
    assert coerce("dropout", info["max"]) == info["max"]


def test_every_field_has_complete_metadata_and_a_valid_default():
    for name, f in FIELDS.items():
        info = field_info(name)
        assert info["help"], name
        assert coerce(name, f.default) == f.default, name
        if info["live"]:
            assert not info["rebuild"], name
    assert {"lr", "clip", "dropout"} <= set(live_fields())
    assert "hidden" not in live_fields()


def test_every_task_setting_is_used_by_some_task():
    used = set().union(*(cls.settings for cls in TASKS.values()))
    assert used == TASK_SETTINGS
    assert {"bptt", "layers", "min_count"} <= TASK_SETTINGS and "lr" not in TASK_SETTINGS


def test_from_dict_is_strict_about_unknown_keys():
    with pytest.raises(ValueError, match="unknown configuration keys: colour, size"):
        Config.from_dict({"task": "adder", "size": 3, "colour": "red"})
    cfg = Config.from_dict({"task": "adder", "size": 3}, strict=False)
    assert cfg.task == "adder"


def test_from_dict_validates_and_coerces():
    cfg = Config.from_dict({"task": "lm", "hidden": "32", "lr": "2"})
    assert cfg.hidden == 32 and cfg.lr == 2.0
    with pytest.raises(ValueError, match="batch"):
        Config.from_dict({"batch": 0})


def test_json_round_trip():
    cfg = default_config("lm", "better", seed=5, data="some/where")
    again = Config.from_dict(json.loads(cfg.to_json()))
    assert again == cfg
    assert dataclasses.asdict(again) == cfg.to_dict()


def test_replace_validates():
    cfg = default_config("adder")
    assert cfg.replace(hidden=8).hidden == 8
    with pytest.raises(ValueError, match="hidden"):
        cfg.replace(hidden=0)
    assert cfg.hidden == TASKS["adder"].defaults["hidden"]  # the original is unchanged
