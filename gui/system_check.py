"""Before Qt starts: can it open a window here? One message naming the fix, instead of Qt's abort.

On Linux, Qt's default ``xcb`` platform plugin needs libxcb-cursor, libxcb-icccm and libxcb-keysyms
(not installed on many fresh desktops since Qt 6.5) and an X display. Without them Qt prints a
screen of plugin errors and aborts. This module imports nothing from Qt.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping

# (soname Qt loads, name for find_library, Debian/Ubuntu package)
XCB_LIBRARIES = (
    ("libxcb-cursor.so.0", "xcb-cursor", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "xcb-icccm", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "xcb-keysyms", "libxcb-keysyms1"),
)
APT_FIX = "sudo apt-get install " + " ".join(pkg for _, _, pkg in XCB_LIBRARIES)
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc")


def library_available(soname: str, short_name: str) -> bool:
    """Whether the dynamic loader can find a library (loading it, as Qt's plugin would)."""
    try:
        ctypes.CDLL(soname)
        return True
    except OSError:
        return ctypes.util.find_library(short_name) is not None


def check_qt_platform(env: Mapping[str, str] | None = None, platform: str | None = None,
                      available: Callable[[str, str], bool] = library_available) -> str | None:
    """None if Qt should be able to open a window; otherwise the message to print (with the fix).

    ``env``, ``platform`` and ``available`` default to this process's environment, ``sys.platform``
    and the real dynamic loader (tests pass their own)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if qpa in HEADLESS_PLATFORMS or qpa.startswith("wayland") or qpa == "eglfs" or qpa == "linuxfb":
        return None
    if not qpa and env.get("WAYLAND_DISPLAY"):
        return None  # Qt picks its Wayland plugin, which needs none of the xcb libraries
    missing = [pkg for soname, short, pkg in XCB_LIBRARIES if not available(soname, short)]
    if missing:
        return (f"Qt cannot open a window: missing system libraries ({', '.join(missing)}); "
                f"install them with: {APT_FIX}  (or run headless with QT_QPA_PLATFORM=offscreen)")
    if not env.get("DISPLAY"):
        return "no display: set DISPLAY or run with QT_QPA_PLATFORM=offscreen"
    return None
