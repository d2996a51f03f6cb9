"""What a build removes once nobody needs it: published files that no episode uses any more
(a regenerated episode has a new file), after a grace period, since podcast apps may still be
downloading them; cache entries unused for a while; and, when named, episodes whose source
is gone (retired from the feed).

A superseded file is one no registry row names (published or retired), so a file the feed
lists is never removed. The registry remembers since when each has been unused.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from audiocast.cache import prune_tree
from audiocast.model import Show
from audiocast.publish.registry import Registry

SIDECARS = (".vtt", ".srt", ".chapters.json", ".chapters.vtt")
DAY = 86_400.0


def _published_files(show: Show) -> set[str]:
    """The episodes' files in the feed folder, relative to it."""
    audio = show.feed_dir / "audio"
    return {f"audio/{p.name}" for p in audio.glob("*.mp3")} if audio.is_dir() else set()


def remove_superseded(show: Show, registry: Registry, log: Callable[[str], None],
                      now: float | None = None) -> int:
    """Remove the MP3s (and their transcripts and chapters) unused for the grace period;
    returns how many."""
    now = time.time() if now is None else now
    unused = _published_files(show) - registry.files()
    known = registry.superseded()
    grace = show.keep_superseded_days * DAY
    due = {f for f in unused if f in known and now - known[f] >= grace}
    if grace == 0:
        due |= unused
    for file in sorted(due):
        mp3 = show.feed_dir / file
        for path in [mp3] + [mp3.with_name(mp3.name.removesuffix(".mp3") + s) for s in SIDECARS]:
            path.unlink(missing_ok=True)
    registry.set_superseded({f: now for f in unused - due - set(known)},
                            (set(known) - unused) | due)
    if due:
        log(f"removed {len(due)} superseded episode file(s), unused for "
            f"{show.keep_superseded_days:g} days or more")
    return len(due)


def prune_cache(show: Show, registry: Registry, now: float | None = None) -> int:
    """Once a day at most: remove cache entries unused for `show.cache_days`."""
    now = time.time() if now is None else now
    last = float(registry.meta("cache-pruned") or 0)
    if not show.cache_days or now - last < DAY:
        return 0
    removed = prune_tree(show.state_dir / "cache", show.cache_days * DAY, now)
    registry.set_meta("cache-pruned", str(now))
    return removed


def tidy(show: Show, registry: Registry, log: Callable[[str], None]) -> None:
    remove_superseded(show, registry, log)
    prune_cache(show, registry)


def retire_gone(registry: Registry, found: set[str], retire: frozenset[str],
                log: Callable[[str], None]) -> None:
    """Episodes whose source is gone stay published until retired by name."""
    gone = [e for e in registry.summaries().values() if e.id not in found]
    for entry in gone:
        if entry.status == "published" and entry.id in retire:
            registry.retire(entry.id)
            log(f"retired {entry.id}: removed from the feed (its files stay)")
        elif entry.status == "published":
            log(f"warning {entry.id}: its source is gone; it stays in the feed until you run: "
                f"audiocast build --retire {entry.id}")
    for name in sorted(retire - {e.id for e in gone}):
        log(f"warning {name}: nothing to retire (no such episode, or its source is still "
            "there)")
