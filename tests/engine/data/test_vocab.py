"""Vocabularies: the book's first-appearance word ids, min_count, <unk>, character ids without loops."""

import numpy as np
import pytest

from rnn_lab.engine.data.corpus import split_words, words_of
from rnn_lab.engine.data.vocab import EOS, UNK, Vocab, char_vocab, encode_chars, word_vocab


def test_word_ids_in_order_of_first_appearance_like_the_book():
    words = words_of(" you say goodbye and i say hello . \n")
    v = word_vocab(words)
    # The book's ch. 2 example: you 0, say 1, goodbye 2, and 3, i 4, hello 5, . 6 (then <eos>, <unk>)
    assert v.tokens[:7] == ["you", "say", "goodbye", "and", "i", "hello", "."]
    assert v.tokens[7] == EOS and v.tokens[8] == UNK
    np.testing.assert_array_equal(v.encode(words), [0, 1, 2, 3, 4, 1, 5, 6, 7])
    assert v.encode(words).dtype == np.int32


def test_book_tokenisation_of_ptb_lines():
    text = " aer banknote \n the <unk> said N \n"
    assert words_of(text) == text.replace("\n", "<eos>").strip().split()  # exactly the book's rule
    assert words_of("no trailing newline") == ["no", "trailing", "newline"]


def test_min_count_maps_rare_words_to_unk_and_keeps_existing_unk_position():
    words = "a b a c <unk> a b d".split()
    v = word_vocab(words, min_count=2)
    assert v.tokens == ["a", "b", "<unk>", EOS]  # <unk> kept where it first appeared; c, d rare
    assert v.decode(v.encode(words)) == ["a", "b", "a", UNK, UNK, "a", "b", UNK]
    assert v.lookup("never seen") == v.unk_id
    with pytest.raises(ValueError, match="min_count"):
        word_vocab(words, min_count=0)


def test_unseen_words_of_held_out_splits_become_unk():
    splits = split_words("x y z x y w q".split(), 0.15)
    assert splits == {"train": ["x", "y", "z", "x", "y"], "val": ["w"], "test": ["q"]}
    v = word_vocab(splits["train"])
    assert v.decode(v.encode(splits["val"])) == [UNK]
    assert split_words(["a", "b"], 0.0) == {"train": ["a", "b"]}


def test_vocab_json_round_trip_and_errors():
    v = word_vocab("über straße <eos>".split())
    w = Vocab.from_json(v.to_json())
    assert w.tokens == v.tokens and w.unk == UNK and w.index == v.index
    with pytest.raises(ValueError, match="'a' more than once"):
        Vocab(["a", "b", "a"])
    with pytest.raises(ValueError, match="not in the vocabulary"):
        Vocab(["a"], unk=UNK)
    with pytest.raises(KeyError, match="zz"):
        Vocab(["a"]).encode(["a", "zz"])  # no unknown token: unknown words are an error


def test_char_vocab_is_sorted_and_encoding_matches_a_python_loop():
    text = "Hello, wörld! ✓\nHi 🙂\n"
    v = char_vocab(text)
    assert v.tokens == sorted(set(text))
    ids = encode_chars(text, v)
    assert ids.dtype == np.int32
    np.testing.assert_array_equal(ids, [v.index[c] for c in text])
    assert "".join(v.decode(ids)) == text


def test_encode_chars_with_a_given_unsorted_vocab_and_unknown_characters():
    v = Vocab(["z", "a", "\n", "b"])
    np.testing.assert_array_equal(encode_chars("ab\nz", v), [1, 3, 2, 0])
    with pytest.raises(KeyError) as info:
        encode_chars("abq\nzq", v)
    assert info.value.args == ("q", 2)
    with pytest.raises(KeyError) as info:
        encode_chars("a~", v)  # beyond the largest code point of the vocabulary
    assert info.value.args == ("~", 1)
