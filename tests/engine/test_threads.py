"""Threads from the machine: affinity and cgroup quotas (on fake /proc and /sys trees), and the BLAS
pool set at run time through threadpoolctl."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from rnn_lab.engine import threads

V2_MOUNTS = "30 23 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate\n"
V1_MOUNTS = ("31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
             "32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct\n"
             "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n")


def fake_root(tmp_path: Path, mounts: str, cgroup: str, files: dict[str, str]) -> Path:
    (tmp_path / "proc/self").mkdir(parents=True)
    (tmp_path / "proc/self/mountinfo").write_text(mounts)
    (tmp_path / "proc/self/cgroup").write_text(cgroup)
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


def test_cgroup_v2_quota_of_the_process_group(tmp_path):
    root = fake_root(tmp_path, V2_MOUNTS, "0::/user.slice/app\n",
                     {"sys/fs/cgroup/cpu.max": "max 100000\n",
                      "sys/fs/cgroup/user.slice/cpu.max": "max 100000\n",
                      "sys/fs/cgroup/user.slice/app/cpu.max": "150000 100000\n"})
    assert threads.cgroup_cpu_quota(root) == pytest.approx(1.5)
    assert threads.usable_cores(root) == min(os.cpu_count(), 2)  # 1.5 CPUs: 2 threads


def test_cgroup_v2_the_smallest_quota_of_the_ancestors_wins(tmp_path):
    root = fake_root(tmp_path, V2_MOUNTS, "0::/a/b\n",
                     {"sys/fs/cgroup/a/cpu.max": "100000 100000\n", "sys/fs/cgroup/a/b/cpu.max": "max 100000\n"})
    assert threads.cgroup_cpu_quota(root) == pytest.approx(1.0)
    assert threads.usable_cores(root) == 1


def test_cgroup_v2_unlimited_and_namespaced(tmp_path):
    # In a container the process's own cgroup is shown as "/" and the mount is that cgroup.
    root = fake_root(tmp_path, V2_MOUNTS, "0::/\n", {"sys/fs/cgroup/cpu.max": "max 100000\n"})
    assert threads.cgroup_cpu_quota(root) is None
    assert threads.usable_cores(root) == (os.cpu_count() or 1)


def test_cgroup_v2_path_missing_under_the_mount_reads_the_mount_root(tmp_path):
    root = fake_root(tmp_path, V2_MOUNTS, "0::/host/only/path\n", {"sys/fs/cgroup/cpu.max": "200000 100000\n"})
    assert threads.cgroup_cpu_quota(root) == pytest.approx(2.0)


def test_cgroup_v1_cfs_quota(tmp_path):
    cgroup = "4:memory:/docker/abc\n2:cpu,cpuacct:/docker/abc\n1:name=systemd:/docker/abc\n"
    root = fake_root(tmp_path, V1_MOUNTS, cgroup,
                     {"sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us": "-1\n",
                      "sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us": "100000\n",
                      "sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us": "50000\n",
                      "sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_period_us": "100000\n"})
    assert threads.cgroup_cpu_quota(root) == pytest.approx(0.5)
    assert threads.usable_cores(root) == 1  # never 0


def test_cgroup_v1_unlimited(tmp_path):
    root = fake_root(tmp_path, V1_MOUNTS, "2:cpu,cpuacct:/\n",
                     {"sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us": "-1\n",
                      "sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us": "100000\n"})
    assert threads.cgroup_cpu_quota(root) is None


def test_no_proc_means_no_quota(tmp_path):
    assert threads.cgroup_cpu_quota(tmp_path) is None
    assert threads.usable_cores(tmp_path) == (os.cpu_count() or 1)


def test_garbage_files_are_ignored(tmp_path):
    root = fake_root(tmp_path, V2_MOUNTS + "garbage line\n", "nonsense\n0::/x\n",
                     {"sys/fs/cgroup/x/cpu.max": "lots of cpu\n"})
    assert threads.cgroup_cpu_quota(root) is None


def test_this_machine_counts_its_affinity():
    n = threads.usable_cores()
    assert 1 <= n <= (os.cpu_count() or 1)
    if hasattr(os, "sched_getaffinity"):
        assert n <= len(os.sched_getaffinity(0))


def test_defaults_leave_one_core_to_the_window():
    assert threads.default_threads(window=False, cores=8) == 8
    assert threads.default_threads(window=True, cores=8) == 7
    assert threads.default_threads(window=True, cores=1) == 1
    assert threads.default_threads(window=False, cores=1) == 1


def test_set_threads_changes_the_blas_pool_at_run_time():
    before = threads.blas_threads()
    try:
        assert threads.set_threads(1) == 1 and threads.blas_threads() == 1
        assert threads.set_threads(0) == 1  # clamped
        a = np.ones((64, 64), dtype=np.float32)
        assert float((a @ a)[0, 0]) == 64.0  # BLAS still works
    finally:
        threads.set_threads(before)
    assert threads.blas_threads() == before


def test_describe_names_threads_and_cores():
    text = threads.describe(1)
    assert text.startswith("1 thread (") and "usable core" in text


def test_environment_threads_honours_what_a_user_set():
    assert threads.environment_threads({}) is None
    assert threads.environment_threads({"OPENBLAS_NUM_THREADS": "3"}) == 3
    assert threads.environment_threads({"OPENBLAS_NUM_THREADS": "x", "OMP_NUM_THREADS": "2"}) == 2
    assert threads.environment_threads({"OPENBLAS_NUM_THREADS": "0"}) is None


def test_choose_threads_prefers_the_explicit_request(monkeypatch):
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "1")
    assert threads.choose_threads(3) == 3
    assert threads.choose_threads(None) == 1
    assert threads.choose_threads(10**6) == threads.MAX_THREADS
    for var in threads.ENV_VARS:
        monkeypatch.delenv(var, raising=False)
    assert threads.choose_threads(None, window=False) == threads.default_threads(False)
    assert threads.choose_threads(None, window=True) == threads.default_threads(True)


def test_cli_threads_flag_sets_the_pool(tmp_path):
    import io

    from rnn_lab.engine.cli import main, parse_args

    assert parse_args(["train", "--task", "adder", "--threads", "2"]).threads == 2
    assert parse_args(["--threads", "1"]).threads == 1  # the window's option
    err = io.StringIO()
    assert main(["train", "--task", "adder", "--threads", "0"], stdout=io.StringIO(), stderr=err) == 2
    assert "threads" in err.getvalue() or ">= 1" in err.getvalue()
    before = threads.blas_threads()
    try:
        out, err = io.StringIO(), io.StringIO()
        code = main(["train", "--task", "adder", "--iters", "2", "--threads", "1"], stdout=out, stderr=err)
        assert code == 0, err.getvalue()
        assert "training on 1 thread (" in err.getvalue()
        assert threads.blas_threads() == 1
    finally:
        threads.set_threads(before)


def test_loop_thread_count_gives_small_products_one_thread():
    F = threads.LOOP_FLOPS_PER_THREAD
    assert threads.loop_thread_count(128, 16, 4, 8) == 1  # shakespeare-fast: 2.1 MFLOP per product
    assert threads.loop_thread_count(100, 20, 4, 8) == 1  # the book's Rnnlm
    big = 2 * 4 * 650 * 650 * 20  # 2x650: 67.6 MFLOP
    assert threads.loop_thread_count(650, 20, 4, 2) == 2
    assert threads.loop_thread_count(650, 20, 4, 64) == big // F
    assert threads.loop_thread_count(650, 20, 4, 1) == 1  # never more than are in force


def test_loop_threads_limits_the_pool_inside_and_restores_it():
    before = threads.blas_threads()
    try:
        threads.set_threads(2)
        with threads.loop_threads(128, 16, 4):
            assert threads.blas_threads() == 1
        assert threads.blas_threads() == 2
        with threads.loop_threads(650, 20, 4):
            assert threads.blas_threads() == 2
        threads.set_threads(1)
        with threads.loop_threads(650, 20, 4):
            assert threads.blas_threads() == 1
        threads.set_threads(2)
        try:
            with threads.loop_threads(128, 16, 4):
                raise KeyboardInterrupt  # a stop inside the loop still restores the count
        except KeyboardInterrupt:
            pass
        assert threads.blas_threads() == 2
    finally:
        threads.set_threads(before)
