"""Tests for engine.lessons: the shipped lessons, save/load round trips, and clear errors for bad files."""

import json

import pytest

from rnn_lab.engine.config import FIELDS, Config
from rnn_lab.engine.lessons import PANELS, Lesson, builtin_lessons, load_lesson, save_lesson
from rnn_lab.engine.tasks.registry import applies, default_config

SHIPPED = builtin_lessons()


def _doc(**changes):
    doc = {"format": "rnnlab-lesson", "version": 1, "title": "T", "text": ["Line one.", "", "Press Space."],
           "task": "char", "config": {"model": "rnn", "hidden": 32, "lr": 0.01, "tie_weights": False},
           "seed": 3, "data": "", "panels": ["curves", "activations"], "hidden_controls": ["optimizer"],
           "locked_controls": ["task"], "steps_hint": 300}
    doc.update(changes)
    return doc


def _write(tmp_path, doc, name="l.json"):
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path


# ---------------------------------------------------------------------------- shipped lessons
def test_five_lessons_are_shipped():
    assert len(SHIPPED) == 5
    titles = [load_lesson(p).title.lower() for p in SHIPPED]
    for words in ("vanish", "carry", "temperature", "attention", "dropout"):
        assert any(words in t for t in titles), (words, titles)


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_shipped_lesson_loads_and_builds_its_config(path):
    lesson = load_lesson(path)
    cfg = lesson.to_config()
    assert isinstance(cfg, Config) and cfg.task == lesson.task and cfg.seed == lesson.seed
    for name, value in lesson.config.items():
        assert getattr(cfg, name) == value
    # every setting the lesson changes matters for its task, and the text is a real explanation
    assert all(applies(cfg, name) for name in lesson.config), lesson.config
    assert len(lesson.text.split()) > 150 and "\n" in lesson.text
    assert set(lesson.panels) <= set(PANELS)
    # the file on disk is what save_lesson writes (so editing a lesson in the app keeps it tidy)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["format"] == "rnnlab-lesson" and doc["version"] == 2
    expected = dict(lesson.to_dict(), data=doc["data"])  # (loading resolves a relative data path)
    assert path.read_text(encoding="utf-8") == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_shipped_lesson_controls_it_asks_to_change_are_not_hidden_or_locked(path):
    lesson = load_lesson(path)
    text = lesson.text.lower()
    for name in lesson.hidden + lesson.locked:
        # a control the text tells the user to set ("set dropout to ...") must stay usable
        assert f"set {name.replace('_', ' ')} " not in text and f"set {name} " not in text, name


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_shipped_lesson_builds_its_task(path):
    """The model named in the lesson suits its task (checked by the task itself)."""
    from rnn_lab.engine.tasks.registry import make_task

    lesson = load_lesson(path)
    cfg = lesson.to_config()
    task = make_task(cfg)
    assert task.config.model == cfg.model


# ---------------------------------------------------------------------------- round trips
def test_save_load_round_trip(tmp_path):
    lesson = load_lesson(_write(tmp_path, _doc()))
    assert lesson.text == "Line one.\n\nPress Space."
    assert lesson.config == {"model": "rnn", "hidden": 32, "lr": 0.01, "tie_weights": False}
    out = save_lesson(tmp_path / "copy.json", lesson)
    again = load_lesson(out)
    assert again == lesson
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.json", "l.json"]  # no temporary left


def test_to_config_applies_defaults_overrides_seed_and_data():
    lesson = Lesson(title="x", text="y", task="lm", config={"dropout": 0.5, "hidden": 64}, seed=7,
                    panels=["curves", "sampling"])
    cfg = lesson.to_config()
    expected = default_config("lm", dropout=0.5, hidden=64, seed=7)
    assert cfg == expected and cfg.optimizer == "sgd"  # the task's default survives


def test_from_config_keeps_only_differences():
    cfg = default_config("seq2seq", model="peeky", lr=0.002, seed=5, data="addition")
    lesson = Lesson.from_config(cfg, "t", "text", ["curves", "seq2seq"], hidden=["dtype"])
    assert lesson.config == {"model": "peeky", "lr": 0.002}
    assert lesson.seed == 5 and lesson.data == "addition"
    assert lesson.to_config() == cfg


def test_lesson_constructor_validates():
    with pytest.raises(ValueError, match="panels"):
        Lesson(title="x", text="y", task="adder", panels=["sampling"])
    with pytest.raises(ValueError, match="config.hidden"):
        Lesson(title="x", text="y", task="adder", config={"hidden": 0})
    with pytest.raises(ValueError, match="text"):
        Lesson(title="x", text=["a"], task="adder")


def test_relative_data_path_resolves_against_the_lesson_folder(tmp_path):
    (tmp_path / "story.txt").write_text("abc abc abc\n")
    lesson = load_lesson(_write(tmp_path, _doc(data="story.txt")))
    assert lesson.data == str((tmp_path / "story.txt").resolve())
    assert load_lesson(_write(tmp_path, _doc(task="seq2seq", data="date", panels=["seq2seq"],
                                             config={"model": "attention"}))).data == "date"


# ---------------------------------------------------------------------------- bad files
@pytest.mark.parametrize("changes, words", [
    ({"format": "something-else"}, "format"),
    ({"version": 3}, "version 3 is newer"),
    ({"version": "1"}, "version"),
    ({"title": ""}, "title"),
    ({"text": 5}, "text"),
    ({"task": "translate"}, "task must be one of"),
    ({"config": {"learning_rate": 0.1}}, "config.learning_rate: unknown setting"),
    ({"config": {"lr": -1}}, "config.lr"),
    ({"config": {"lr": "fast"}}, "config.lr must be a number"),
    ({"config": {"hidden": 12.5}}, "config.hidden"),
    ({"config": {"model": "transformer"}}, "config.model"),
    ({"config": {"tie_weights": 1}}, "config.tie_weights must be true or false"),
    ({"config": {"seed": 1}}, "config.seed: set it with the lesson's top-level"),
    ({"config": ["lr", 1]}, "config must be an object"),
    ({"seed": -1}, "seed"),
    ({"seed": "1"}, "seed must be a whole number"),
    ({"data": 3}, "data must be a string"),
    ({"panels": ["curves", "plots"]}, "panels: unknown name 'plots'"),
    ({"panels": []}, "panels must name at least one"),
    ({"panels": "curves"}, "panels must be a list"),
    ({"panels": ["curves", "curves"]}, "panels: curves listed twice"),
    ({"panels": ["adder"]}, "panels: the 'adder' panel"),
    ({"hidden_controls": ["learning_rate"]}, "hidden_controls: unknown name 'learning_rate'"),
    ({"locked_controls": ["optimizer"]}, "locked_controls: optimizer already hidden"),
    ({"steps_hint": 0}, "steps_hint"),
    ({"colour": "red"}, "unknown key(s): colour"),
])
def test_bad_fields_raise_value_error_naming_the_field(tmp_path, changes, words):
    path = _write(tmp_path, _doc(**changes))
    with pytest.raises(ValueError) as err:
        load_lesson(path)
    assert words in str(err.value) and str(path) in str(err.value)


@pytest.mark.parametrize("missing", ["format", "version", "title", "text", "task", "panels"])
def test_missing_keys_are_named(tmp_path, missing):
    doc = _doc()
    del doc[missing]
    with pytest.raises(ValueError, match=f"missing key\\(s\\): {missing}"):
        load_lesson(_write(tmp_path, doc))


def test_not_json_not_an_object_not_readable(tmp_path):
    with pytest.raises(ValueError, match="not valid JSON \\(line 1, column 12"):
        load_lesson(_write(tmp_path, '{"format": rnnlab}'))
    with pytest.raises(ValueError, match="a lesson is a JSON object"):
        load_lesson(_write(tmp_path, "[1, 2]"))
    with pytest.raises(ValueError, match="nope.json does not exist"):
        load_lesson(tmp_path / "nope.json")
    bad = tmp_path / "bin.json"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ValueError, match="not UTF-8"):
        load_lesson(bad)


def test_optional_keys_default(tmp_path):
    doc = {k: v for k, v in _doc().items() if k in ("format", "version", "title", "text", "task", "panels")}
    lesson = load_lesson(_write(tmp_path, doc))
    assert (lesson.config, lesson.seed, lesson.data, lesson.hidden, lesson.locked, lesson.steps_hint) == (
        {}, 0, "", [], [], None)
    assert set(FIELDS) >= {"task", "seed", "data"}


# ---------------------------------------------------------------------------- languages
@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_shipped_lessons_speak_english_and_japanese_step_for_step(path):
    """Each shipped lesson has its title and text in both languages, with the same numbered steps."""
    import re

    lesson = load_lesson(path)
    assert lesson.languages == ["en", "ja"] and set(lesson.titles) == {"en", "ja"}
    steps = {lang: re.findall(r"^(\d+)\. ", lesson.text_in(lang), flags=re.M) for lang in ("en", "ja")}
    assert steps["en"] == steps["ja"] and steps["en"], steps
    paragraphs = {lang: len(re.split(r"\n\s*\n", lesson.text_in(lang).strip())) for lang in ("en", "ja")}
    assert paragraphs["en"] == paragraphs["ja"]
    ja = lesson.text_in("ja")
    assert sum("\u3040" <= ch <= "\u30ff" for ch in ja) > 300  # kana: written in Japanese, not copied English
    assert lesson.title_in("ja") != lesson.title_in("en") and lesson.title == lesson.title_in("en")


def test_a_lesson_in_the_old_format_still_loads(tmp_path):
    """A version 1 file (one title, text as lines) loads unchanged; its text is taken to be English and is
    shown whatever the window's language; saved again, it stays version 1."""
    old = _write(tmp_path, _doc())
    lesson = load_lesson(old)
    assert lesson.title == "T" and lesson.text == "Line one.\n\nPress Space."
    assert lesson.titles == {"en": "T"} and lesson.title_in("ja") == "T" and lesson.text_in("ja") == lesson.text
    again = save_lesson(tmp_path / "again.json", lesson)
    assert json.loads(again.read_text(encoding="utf-8"))["version"] == 1


def test_texts_by_language_round_trip_and_fall_back(tmp_path):
    doc = _doc(version=2, title={"en": "Carry", "ja": "繰り上がり"}, text={"en": ["One."], "ja": ["いち。", "", "に。"]})
    lesson = load_lesson(_write(tmp_path, doc))
    assert lesson.title_in("ja") == "繰り上がり" and lesson.text_in("ja") == "いち。\n\nに。"
    assert lesson.title_in("ja_JP") == "繰り上がり"  # a locale's name finds its language
    assert lesson.title_in("de") == "Carry" and lesson.title == "Carry"  # else English
    saved = json.loads(save_lesson(tmp_path / "s.json", lesson).read_text(encoding="utf-8"))
    assert saved["version"] == 2 and saved["title"] == {"en": "Carry", "ja": "繰り上がり"}
    assert saved["text"]["ja"] == ["いち。", "", "に。"]
    japanese_only = Lesson(title={"ja": "日本語だけ"}, text={"ja": "本文"}, task="adder", panels=["curves"])
    assert japanese_only.title == "日本語だけ" and japanese_only.to_dict()["version"] == 2


@pytest.mark.parametrize("changes, words", [
    ({"title": {"en": "T"}}, "texts by language need version 2"),
    ({"version": 2, "title": {}}, "title must name at least one language"),
    ({"version": 2, "title": {"english": "T"}}, "'english' is not a language code"),
    ({"version": 2, "text": {"en": 3}}, "text.en must be a string or a list"),
    ({"version": 2, "title": {"ja": " "}}, "title.ja must be a non-empty string"),
])
def test_bad_texts_by_language_name_the_field(tmp_path, changes, words):
    with pytest.raises(ValueError) as err:
        load_lesson(_write(tmp_path, _doc(**changes)))
    assert words in str(err.value)
