"""What is installed: versions of packages (for the keys that must change when a package
that shapes an episode is upgraded) and plugins (entry points).

An installed package is a `name-version.dist-info` folder on `sys.path`; its name carries
the version. Reading the names is a few directory listings; `importlib.metadata` parses each
package's METADATA and costs a cron job about 20 ms to import. It is the fallback for any
other layout (an egg, a zip).
"""

from __future__ import annotations

import os
import re
import sys
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

_DIST_INFO = re.compile(r"^(.+?)-([^-]+)\.dist-info$")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


@cache
def _found() -> dict[str, str]:
    """Every package found in a .dist-info folder on sys.path: the first of a name wins, as
    it does for the import system."""
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            m = _DIST_INFO.match(name)
            if m:
                found.setdefault(_canonical(m[1]), m[2])
    return found


def version(name: str) -> str | None:
    """The installed version of the distribution `name`, or None when it is not installed."""
    found = _found().get(_canonical(name))
    if found is not None:
        return found
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as metadata_version

    try:
        return metadata_version(name)
    except PackageNotFoundError:
        return None


def plugins(group: str) -> list[EntryPoint]:
    """The entry points of `group`, read only when asked (importlib.metadata)."""
    from importlib.metadata import entry_points

    return list(entry_points(group=group))
