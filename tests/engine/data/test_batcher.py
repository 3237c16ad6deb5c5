"""The truncated-BPTT batcher against loop-by-loop copies of the book's get_batch and eval_perplexity."""

import numpy as np
import pytest

from rnn_lab.engine.data.batcher import BPTTBatcher, check_batchable, eval_batches, eval_shape
from rnn_lab.engine.errors import TaskError


def book_get_batch(corpus, batch_size, time_size, time_idx):
    """The book's RnnlmTrainer.get_batch (ch. 5), one batch, as written there (Python loops)."""
    xs, ts = corpus[:-1], corpus[1:]
    data_size = len(xs)
    jump = data_size // batch_size
    offsets = [i * jump for i in range(batch_size)]
    batch_x = np.empty((batch_size, time_size), dtype="i")
    batch_t = np.empty((batch_size, time_size), dtype="i")
    for t in range(time_size):
        for i, offset in enumerate(offsets):
            batch_x[i, t] = xs[(offset + time_idx) % data_size]
            batch_t[i, t] = ts[(offset + time_idx) % data_size]
        time_idx += 1
    return batch_x, batch_t


def circular_batch(corpus, batch_size, time_size, cursor):
    """Our documented rule: the text read as a circle, rows at the book's offsets."""
    n = len(corpus)
    jump = (n - 1) // batch_size
    x = np.empty((batch_size, time_size), dtype=np.int64)
    y = np.empty_like(x)
    for i in range(batch_size):
        for t in range(time_size):
            p = (i * jump + cursor + t) % n
            x[i, t], y[i, t] = corpus[p], corpus[(p + 1) % n]
    return x, y


@pytest.mark.parametrize("n, N, T", [(101, 4, 5), (64, 3, 7), (29, 1, 28), (50, 7, 3)])
def test_first_epoch_is_the_books_and_later_epochs_read_the_text_as_a_circle(n, N, T):
    corpus = np.random.default_rng(n).integers(0, 1000, n).astype(np.int32)
    b = BPTTBatcher(corpus, N, T)
    assert b.batches_per_epoch == (n - 1) // (N * T)
    for k in range(3 * b.batches_per_epoch + 2):
        x, y = b.next()
        assert x.shape == y.shape == (N, T) and x.dtype == np.int32
        np.testing.assert_array_equal((x, y), circular_batch(corpus, N, T, k * T))
        if k < b.batches_per_epoch:
            np.testing.assert_array_equal((x, y), book_get_batch(corpus, N, T, k * T))
    assert b.epoch == pytest.approx((3 * b.batches_per_epoch + 2) / b.batches_per_epoch)


def test_rows_continue_where_the_previous_batch_stopped():
    corpus = np.arange(200, dtype=np.int32)  # every position distinct
    b = BPTTBatcher(corpus, 5, 6)
    _, prev_y = b.next()
    for _ in range(20):
        x, y = b.next()
        np.testing.assert_array_equal(x[:, 0], prev_y[:, -1])  # the state a row carries is the right one
        np.testing.assert_array_equal(y[:, :-1], x[:, 1:])
        prev_y = y


def test_cursor_is_the_whole_state():
    corpus = np.random.default_rng(1).integers(0, 50, 300).astype(np.int32)
    a, b = BPTTBatcher(corpus, 4, 9), BPTTBatcher(corpus, 4, 9)
    for _ in range(13):
        a.next()
    b.cursor = a.cursor
    for _ in range(10):
        np.testing.assert_array_equal(a.next(), b.next())


def book_eval_batches(corpus, batch_size, time_size):
    """The batches of the book's eval_perplexity (ch. 6), as written there."""
    corpus_size = len(corpus)
    max_iters = (corpus_size - 1) // (batch_size * time_size)
    jump = (corpus_size - 1) // batch_size
    for iters in range(max_iters):
        xs = np.zeros((batch_size, time_size), dtype=np.int32)
        ts = np.zeros((batch_size, time_size), dtype=np.int32)
        time_offset = iters * time_size
        offsets = [time_offset + (i * jump) for i in range(batch_size)]
        for t in range(time_size):
            for i, offset in enumerate(offsets):
                xs[i, t] = corpus[(offset + t) % corpus_size]
                ts[i, t] = corpus[(offset + t + 1) % corpus_size]
        yield xs, ts


def test_eval_batches_follow_the_books_eval_perplexity():
    corpus = np.random.default_rng(2).integers(0, 99, 517).astype(np.int32)
    ours = list(eval_batches(corpus, 10, 35))
    book = list(book_eval_batches(corpus, 10, 35))
    assert len(ours) == len(book) == 516 // 350
    for (x, y), (bx, by) in zip(ours, book):
        np.testing.assert_array_equal(x, bx)
        np.testing.assert_array_equal(y, by)
    assert len(list(eval_batches(np.arange(5000, dtype=np.int32), 4, 10, max_batches=3))) == 3


def test_short_splits_are_read_with_a_smaller_shape():
    assert eval_shape(1000, 20, 35) == (20, 35)
    assert eval_shape(100, 20, 35) == (2, 35)  # 99 inputs: two rows of 35
    assert eval_shape(11, 20, 35) == (1, 10)
    batches = list(eval_batches(np.arange(11, dtype=np.int32), 20, 35))
    assert len(batches) == 1
    np.testing.assert_array_equal(batches[0][0], [np.arange(10)])
    with pytest.raises(ValueError, match="no \\(input, target\\) pair"):
        eval_shape(1, 4, 4)


def test_check_batchable_and_bad_arguments():
    check_batchable(641, 20, 32)
    with pytest.raises(TaskError, match=r"has 640 words, too few for one batch: batch 20 x bptt 32 needs at least 641\."):
        check_batchable(640, 20, 32, "words")
    with pytest.raises(ValueError, match="1-D integer array"):
        BPTTBatcher(np.zeros((3, 4), dtype=np.int32), 1, 2)
    with pytest.raises(ValueError, match="needs 13"):
        BPTTBatcher(np.arange(12), 3, 4)


def test_random_windows_are_contiguous_text_with_shifted_targets():
    from rnn_lab.engine.data.batcher import RandomWindowBatcher

    corpus = np.arange(1000, dtype=np.int32)  # each id is its position: windows are easy to check
    b = RandomWindowBatcher(corpus, 8, 16, np.random.default_rng(0))
    seen = set()
    for _ in range(50):
        x, y = b.next()
        assert x.shape == y.shape == (8, 16)
        assert np.all(np.diff(x, axis=1) == 1) and np.all(y == x + 1)  # contiguous, targets shifted by one
        assert x.min() >= 0 and y.max() <= 999
        seen.update(x[:, 0].tolist())
    assert len(seen) > 200  # independent places, not a fixed stride
    assert b.cursor == 50 * 16 and b.epoch == pytest.approx(50 * 16 / (16 * (999 // (8 * 16))))


def test_random_windows_follow_the_rng_and_reach_the_last_target():
    from rnn_lab.engine.data.batcher import RandomWindowBatcher, make_batcher

    corpus = np.arange(21, dtype=np.int32)
    a = RandomWindowBatcher(corpus, 4, 5, np.random.default_rng(3))
    b = make_batcher(corpus, 4, 5, "random", np.random.default_rng(3))
    ends = set()
    for _ in range(200):
        (xa, ya), (xb, _) = a.next(), b.next()
        np.testing.assert_array_equal(xa, xb)
        ends.update(ya[:, -1].tolist())
    assert 20 in ends and 5 in ends  # the last id is a target; the first possible window too
    assert isinstance(make_batcher(corpus, 4, 5, "sequential", np.random.default_rng(0)), BPTTBatcher)
    with pytest.raises(ValueError, match="batching"):
        make_batcher(corpus, 4, 5, "shuffled", np.random.default_rng(0))
