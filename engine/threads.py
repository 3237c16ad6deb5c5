"""How many threads training uses: counted from the machine, set at run time.

``usable_cores()`` counts the cores this process may actually run on: the CPU affinity mask
(``os.sched_getaffinity``: taskset, cpusets, a container's cpuset) and the CPU bandwidth quota of
its cgroup (v2 ``cpu.max``, v1 ``cpu.cfs_quota_us / cpu.cfs_period_us``; a container limited to
1.5 CPUs gets 2 threads, as loky and the JVM round it). ``os.cpu_count()`` counts neither: on a
16-core host a container allowed 2 CPUs would start 16 BLAS threads that fight over 2.

``default_threads(window)``: headless training uses every usable core; with the window open one core
is left to the UI thread (at least one thread either way).

``choose_threads(requested, window)``: an explicit request (``--threads``, the window's setting)
wins, then a count set in the environment (OPENBLAS_NUM_THREADS, MKL_NUM_THREADS, OMP_NUM_THREADS:
a user who set one keeps it), then ``default_threads``.

``set_threads(n)`` sets the BLAS thread pool (OpenBLAS, MKL, BLIS) of this process at run time
through ``threadpoolctl``, so the window can change it while the process lives (an environment
variable such as OPENBLAS_NUM_THREADS only counts before NumPy is imported). The BLAS pool is
process-wide by nature; ``blas_threads()`` reads it back, and the fused softmax
(``layers.affine_softmax``) splits its elementwise work over that many threads.
"""

from __future__ import annotations

import functools
import math
import os
from pathlib import Path

MAX_THREADS = 256  # upper bound of --threads and the window's setting


def usable_cores(root: str | os.PathLike = "/") -> int:
    """Cores this process may use: its affinity mask, capped by its cgroup's CPU quota (>= 1).

    ``root`` is the file-system root to read /proc and /sys from (tests pass a fake one)."""
    cores = _affinity_count() if str(root) == "/" else os.cpu_count() or 1
    quota = cgroup_cpu_quota(root)
    if quota is not None:
        cores = min(cores, max(1, math.ceil(quota)))
    return max(1, cores)


ENV_VARS = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS")


def environment_threads(environ=None) -> int | None:
    """The thread count a user set in the environment (OPENBLAS_NUM_THREADS, then MKL_, OMP_), if any."""
    environ = os.environ if environ is None else environ
    for var in ENV_VARS:
        try:
            n = int(environ.get(var, "").strip() or 0)
        except ValueError:
            continue
        if n > 0:
            return min(n, MAX_THREADS)
    return None


def choose_threads(requested: int | None = None, window: bool = False) -> int:
    """The count to use: ``requested`` (--threads, the window's setting), else one set in the
    environment, else ``default_threads(window)``."""
    if requested:
        return max(1, min(int(requested), MAX_THREADS))
    return environment_threads() or default_threads(window)


def default_threads(window: bool = False, cores: int | None = None) -> int:
    """Training threads: every usable core headless; with the window, one core fewer (>= 1)."""
    cores = usable_cores() if cores is None else cores
    return max(1, cores - 1) if window else max(1, cores)


def _affinity_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


# ------------------------------------------------------------------------------------------- cgroups
def cgroup_cpu_quota(root: str | os.PathLike = "/") -> float | None:
    """The CPU bandwidth this process's cgroup (or an ancestor) allows, in CPUs; None when unlimited
    or unknown. Reads /proc/self/mountinfo to find the cgroup mounts and /proc/self/cgroup for the
    process's place in them, then walks up from there to the mount's root, keeping the smallest quota."""
    root = Path(root)
    try:
        mounts = (root / "proc/self/mountinfo").read_text().splitlines()
        groups = (root / "proc/self/cgroup").read_text().splitlines()
    except OSError:
        return None
    v2_path, v1_path = None, None
    for line in groups:
        hierarchy, _, rest = line.partition(":")
        controllers, _, path = rest.partition(":")
        if hierarchy == "0" and controllers == "":
            v2_path = path
        elif "cpu" in controllers.split(","):
            v1_path = path
    limits = []
    for line in mounts:
        fields = line.split()
        if " - " not in line or len(fields) < 5:
            continue
        mount_root, mount_point = fields[3], fields[4]
        after = line.split(" - ", 1)[1].split()  # file-system type, source, super options
        fstype, super_opts = after[0], after[2] if len(after) > 2 else ""
        if fstype == "cgroup2" and v2_path is not None:
            limits += _walk(root, mount_point, mount_root, v2_path, _read_v2)
        elif fstype == "cgroup" and v1_path is not None and "cpu" in super_opts.split(","):
            limits += _walk(root, mount_point, mount_root, v1_path, _read_v1)
    return min(limits) if limits else None


def _walk(root: Path, mount_point: str, mount_root: str, path: str, read) -> list[float]:
    """Quotas found in the process's cgroup folder and its ancestors up to the mount point."""
    rel = os.path.relpath(path, mount_root) if path.startswith(mount_root) else path.lstrip("/")
    base = root / mount_point.lstrip("/")
    folder = base / ("" if rel == "." else rel)
    if not folder.is_dir():  # a cgroup namespace shows "/" for a folder the mount does not have
        folder = base
    found = []
    while True:
        quota = read(folder)
        if quota is not None:
            found.append(quota)
        if folder == base or base not in folder.parents:
            return found
        folder = folder.parent


def _read_v2(folder: Path) -> float | None:
    try:
        quota, period = (folder / "cpu.max").read_text().split()[:2]
        return None if quota == "max" else int(quota) / int(period)
    except (OSError, ValueError):
        return None


def _read_v1(folder: Path) -> float | None:
    try:
        quota = int((folder / "cpu.cfs_quota_us").read_text())
        period = int((folder / "cpu.cfs_period_us").read_text())
    except (OSError, ValueError):
        return None
    return quota / period if quota > 0 and period > 0 else None


# ------------------------------------------------------------------------------------------- BLAS pool
@functools.cache
def _controller():
    """threadpoolctl's view of the thread pools loaded in this process (made once, after NumPy)."""
    import numpy  # noqa: F401  (its BLAS must be loaded for the controller to see it)
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def set_threads(n: int) -> int:
    """Let the BLAS of this process use ``n`` threads (clamped to 1..MAX_THREADS); returns ``n``."""
    n = max(1, min(int(n), MAX_THREADS))
    blas = _controller().select(user_api="blas")
    blas.limit(limits=n)
    return n


def blas_threads() -> int:
    """The BLAS thread count in force now (1 when no BLAS pool is known)."""
    blas = _controller().select(user_api="blas")
    counts = [lib.num_threads for lib in blas.lib_controllers]
    return max(counts) if counts else 1


def describe(n: int | None = None, window: bool = False) -> str:
    """A short line for the user: ``2 threads (2 usable cores; default)``."""
    cores = usable_cores()
    default = default_threads(window, cores)
    n = default if n is None else n
    why = "default" if n == default else f"default {default}"
    return f"{n} thread{'s' * (n != 1)} ({cores} usable core{'s' * (cores != 1)}; {why})"



# ------------------------------------------------------------------------------------------- time loops
# A per-step product of a recurrent layer's time loop, (G*H, H) @ (H, N), gets more than one BLAS thread
# only when each thread has at least this many FLOPs of it (docs/performance.md, "Threads in the time
# loop", has the measurements behind it).
LOOP_FLOPS_PER_THREAD = 16_000_000


def loop_thread_count(H: int, N: int, G: int, threads: int) -> int:
    """BLAS threads for the per-step products of a recurrent layer with H units, batch N and G gate
    blocks, when ``threads`` are in force: at most ``threads``, one per LOOP_FLOPS_PER_THREAD."""
    flops = 2 * G * H * H * N
    return max(1, min(threads, flops // LOOP_FLOPS_PER_THREAD))


class loop_threads:
    """``with loop_threads(H, N, G):`` runs a recurrent layer's time loop with ``loop_thread_count`` BLAS
    threads, then restores the count in force before (the products over all timesteps, before and
    after the loop, keep it). A class, not a generator: it costs about a microsecond when the count
    stays as it is, as it does for every loop at one thread."""

    __slots__ = ("k", "n")

    def __init__(self, H: int, N: int, G: int):
        libs = _blas_libs()
        self.n = max((lib.num_threads for lib in libs), default=1)
        self.k = loop_thread_count(H, N, G, self.n) if self.n > 1 else 1

    def __enter__(self):
        if self.k < self.n:
            for lib in _blas_libs():
                lib.set_num_threads(self.k)
        return self

    def __exit__(self, *exc):
        if self.k < self.n:
            for lib in _blas_libs():
                lib.set_num_threads(self.n)
        return False


@functools.cache
def _blas_libs() -> tuple:
    """threadpoolctl's controllers of the BLAS libraries of this process (their set_num_threads and
    num_threads call the library directly: about a microsecond each)."""
    return tuple(_controller().select(user_api="blas").lib_controllers)
