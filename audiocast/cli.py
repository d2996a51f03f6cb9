"""The `audiocast` command: `build` a show, print an episode's `script`."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import dataclasses
import json
import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from audiocast import __version__
from audiocast.config import CONFIG_NAME, load_show
from audiocast.errors import AudiocastError, ConfigError
from audiocast.model import Reading, Show, Voice
from audiocast.report import (
    EXIT_BUSY,
    EXIT_EPISODES_FAILED,
    EXIT_OK,
    EXIT_UNUSABLE,
    BuildReport,
)

if TYPE_CHECKING:
    from audiocast.build import BuildOptions


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="audiocast", description="Turn a newsroom's articles into a podcast.")
    parser.add_argument("--version", action="version", version=f"audiocast {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for add in (_build_parser, _publish_parser, _servers_parser, _tools_parser,
                _script_parser):
        add(sub)
    return parser


def _build_parser(sub: argparse._SubParsersAction) -> None:
    build = sub.add_parser("build", help="build the show's episodes and feed into feed/")
    build.add_argument("show", nargs="?", type=Path, default=Path("."),
                       help=f"show folder holding {CONFIG_NAME} and episodes/ (default: here)")
    build.add_argument("--engine", help="speech engine to use instead of the show's "
                       "(audiocast voices lists them)")
    build.add_argument("--base-url", help="publish under this URL instead of the show's")
    build.add_argument("--workers", type=int, metavar="N",
                       help="render in N processes (default: one per core)")
    build.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                       help="render on this Dask cluster (pip install 'audiocast[dask]')")
    build.add_argument("--retire", action="append", default=[], metavar="EPISODE",
                       help="take an episode whose source is gone out of the feed")
    build.add_argument("--episode", action="append", default=[], metavar="EPISODE",
                       help="build only this episode (a folder or file name in episodes/, "
                       "without extension), redoing its audio; repeatable")
    build.add_argument("--force", action="store_true",
                       help="redo every episode's audio from its takes, even if unchanged")
    build.add_argument("--wait", action="store_true",
                       help="if another build of the show is running, wait for it")
    build.add_argument("--summary", type=Path, metavar="FILE",
                       help="write a JSON summary (episodes built, reused, failed, timings)")
    build.add_argument("--publish", nargs="?", const="", metavar="DEST",
                       help="then publish feed/ to DEST, as audiocast publish does (default: "
                       "[publish] destination)")
    noise = build.add_mutually_exclusive_group()
    noise.add_argument("--quiet", "-q", action="store_true", help="only failures and warnings")
    noise.add_argument("--verbose", "-v", action="store_true",
                       help="also per-stage timings, and tracebacks of unexpected errors")



def _servers_parser(sub: argparse._SubParsersAction) -> None:
    serve = sub.add_parser("serve", help="serve feed/ over HTTP (ranges, HEAD, CORS)")
    serve.add_argument("show", nargs="?", type=Path, default=Path("."),
                       help="show folder (default: here)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default: this machine only)")

    desk = sub.add_parser("desk", help="the editors' desk: review, hear and fix what will be "
                          "said, regenerate and publish, in a browser")
    desk.add_argument("show", nargs="?", type=Path, default=Path("."),
                      help="show folder (default: here)")
    desk.add_argument("--port", type=int, default=8765, help="port (default: 8765; 0: any)")
    desk.add_argument("--host", default="127.0.0.1",
                      help="address to listen on (default: this machine only)")



def _tools_parser(sub: argparse._SubParsersAction) -> None:
    ingest = sub.add_parser("ingest", help="add articles to an edition from a feed, an HTML "
                            "article, or a Markdown or text file")
    ingest.add_argument("source", help="an RSS or Atom feed, an HTML page (URL or file), or a "
                        ".md or .txt file")
    ingest.add_argument("--show", type=Path, default=Path("."), help="show folder (default: "
                        "here)")
    ingest.add_argument("--edition", type=_iso_date, metavar="YYYY-MM-DD",
                        help="put everything in this edition (default: each article's date)")

    voices = sub.add_parser("voices", help="list the speech engines and their voices")
    voices.add_argument("--engine", help="only this engine")

    cache = sub.add_parser("cache", help="the cache of takes and chapters")
    cache.add_argument("action", choices=("stats", "prune"))
    cache.add_argument("show", nargs="?", type=Path, default=Path("."),
                       help="show folder (default: here)")
    cache.add_argument("--older-than", type=float, metavar="DAYS",
                       help="prune: remove what has not been used for DAYS days")
    cache.add_argument("--max-size", type=float, metavar="MB",
                       help="prune: then remove the least recently used until the cache "
                       "holds at most MB megabytes")

    repeats = sub.add_parser("repeats", help="lines read aloud in article after article (your "
                             "newsroom's own furniture?), with drop rules for them")
    repeats.add_argument("show", nargs="?", type=Path, default=Path("."),
                         help="show folder (default: here)")
    repeats.add_argument("--editions", type=int, default=30, metavar="N",
                         help="look at the last N editions (default: 30)")
    repeats.add_argument("--at-least", type=int, default=3, metavar="N",
                         help="lines read in at least N articles (default: 3)")



def _script_parser(sub: argparse._SubParsersAction) -> None:
    script = sub.add_parser("script", help="print what will be said, one segment per line")
    script.add_argument("path", type=Path, help="an article file or an edition folder")
    script.add_argument("--show", type=Path, help=f"show folder with {CONFIG_NAME} (default: the "
                        "one above PATH, if any)")
    script.add_argument("--engine", help="cut segments to this engine's limit")
    view = script.add_mutually_exclusive_group()
    view.add_argument("--json", action="store_true",
                      help="the full structure: segments, pauses, chapter marks, what was left out")
    view.add_argument("--explain", action="store_true",
                      help="each written sentence and what is said for it, and what was left out")
    view.add_argument("--diff", action="store_true",
                      help="what changed since the last build of this episode")


def _publish_parser(sub: argparse._SubParsersAction) -> None:
    publish = sub.add_parser("publish", help="copy feed/ to object storage (s3://, gcs://, "
                             "az://) or a folder: what changed, feeds last")
    publish.add_argument("destination", nargs="?", metavar="DEST",
                         help="s3://bucket/prefix, gcs://bucket/prefix, az://container/prefix "
                         "or a folder (default: [publish] destination)")
    publish.add_argument("--show", type=Path, default=Path("."),
                         help="show folder (default: here)")
    publish.add_argument("--wait", action="store_true",
                         help="if a build of the show is running, wait for it")


def _iso_date(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-25") from None


def _ingest(args: argparse.Namespace) -> int:
    from audiocast.ingest import ingest

    show = load_show(args.show)
    outcome = ingest(show, args.source, args.edition)
    for line in outcome.warnings:
        print(line, file=sys.stderr)
    for item in outcome.added:
        where = item.path.relative_to(show.root) if item.new else "already in the show"
        print(f"{'added  ' if item.new else 'skipped'} {item.title} ({where})")
    if not outcome.added:
        print(f"nothing to add from {args.source}")
    return EXIT_EPISODES_FAILED if outcome.failed else EXIT_OK


def _find_show_dir(path: Path) -> Path | None:
    for folder in [path, *path.resolve().parents]:
        if (folder / CONFIG_NAME).is_file():
            return folder
    return None


def _script(args: argparse.Namespace) -> int:
    from audiocast import sources
    from audiocast.narration import explain
    from audiocast.narration.compiled import kept_in, store_of
    from audiocast.narration.script import Narrator
    from audiocast.speech import engine_text, make_engine

    show_dir = args.show or _find_show_dir(args.path)
    if not args.path.exists():
        raise AudiocastError("no such file or folder", args.path)
    if show_dir is not None:
        show = load_show(show_dir, engine=args.engine)
        engine = make_engine(show.voice, show_dir / CONFIG_NAME)
        narrator = Narrator.for_show(show, engine.max_chars)
        # the file named on the command line is read wherever it is
        title, reading = show.title, replace(show.reading, inside=args.path.resolve().parent)
    else:
        show = None
        engine = make_engine(Voice(engine=args.engine or "espeak"))
        narrator = Narrator(engine.max_chars)
        title, reading = "audiocast", Reading(inside=args.path.parent)
    edition = sources.read_edition(args.path, reading)
    for problem in edition.problems:
        print(f"audiocast: error: {problem} (left out)", file=sys.stderr)
    with kept_in(store_of(show.state_dir) if show else None):
        script = narrator.edition(title, edition)
    if args.json:
        print(explain.as_json(script, edition))
    elif args.explain:
        print(explain.explain(script), end="")
    elif args.diff:
        _diff(show, edition.id, explain.plain(script), args.path)
    else:  # what the engine is sent for each take
        print(explain.plain(script, lambda s: engine_text(engine, s.typed())), end="")
    return EXIT_EPISODES_FAILED if edition.problems else EXIT_OK


def _diff(show, episode: str, now: str, path: Path) -> None:
    """What an edit changes against the last build's script of the episode."""
    from audiocast.narration import explain
    from audiocast.write import script_record

    record = script_record(show, episode) if show else None
    if record is None or not record.is_file():
        raise AudiocastError("no earlier build of this episode to compare with", path,
                             hint="run audiocast build first")
    changes = explain.diff(record.read_text(encoding="utf-8"), now, episode)
    print(changes or f"{episode}: no change since the last build", end="" if changes else "\n")


def _built(show: Show, options: BuildOptions, progress: bool) -> BuildReport:
    """The build's report; with `progress`, a bar of the chapters rendered meanwhile."""
    from audiocast.build import build

    if not progress:
        return build(show, options)
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("rendering chapters", total=None)
        return build(show, dataclasses.replace(
            options, log=bar.console.print,
            progress=lambda done, total: bar.update(task, completed=done, total=total)))


def _build(args: argparse.Namespace) -> int:
    from audiocast.build import BuildOptions
    from audiocast.narration.compiled import kept_in, store_of
    from audiocast.report import summary

    show = load_show(args.show, engine=args.engine, base_url=args.base_url)
    if args.workers is not None and args.workers < 1:
        raise ConfigError("--workers must be at least 1")

    def log(line: str) -> None:
        if not args.quiet or line.startswith(("FAILED", "warning", " ")):
            print(line, flush=True)

    for note in show.notes:
        log(note)
    options = BuildOptions(workers=args.workers, scheduler=args.scheduler,
                           retire=frozenset(args.retire), only=frozenset(args.episode),
                           force=args.force, wait=args.wait, log=log)
    # the narration's own patterns are made from the code an earlier build compiled them to
    with kept_in(store_of(show.state_dir)):
        report = _built(show, options, progress=sys.stderr.isatty() and not args.quiet)
    if args.verbose:
        work = sum(report.stages.values()) or 1.0
        for stage, seconds in report.stages.items():
            print(f"stage   {stage:<10} {seconds:7.2f} s  {seconds / work:6.1%}")
    if args.summary:
        from audiocast.files import atomic_write

        atomic_write(args.summary, json.dumps(summary(report), indent=1).encode())
    if args.publish is not None:
        _publish_show(show, args.publish, wait=True, log=log)
    return EXIT_OK if report.ok else EXIT_EPISODES_FAILED


def _publish(args: argparse.Namespace) -> int:
    _publish_show(load_show(args.show), args.destination, args.wait, print)
    return EXIT_OK


def _publish_show(show: Show, destination: str | None, wait: bool,
                  log: Callable[[str], None]) -> None:
    """Copy the show's feed/ to `destination` (else [publish] destination), holding the
    show's lock: no build changes feed/ meanwhile."""
    from audiocast.destinations import publish
    from audiocast.state import show_lock

    where = destination or show.publish.destination
    if not where:
        raise ConfigError("where to publish?", show.root / CONFIG_NAME,
                          hint="name it: audiocast publish s3://bucket/prefix, or set "
                               "[publish] destination")
    if not (show.feed_dir / "feed.xml").is_file():
        raise ConfigError("nothing to publish yet", show.feed_dir,
                          hint="run audiocast build first")
    with show_lock(show.state_dir, wait):
        done = publish(show.feed_dir, where, show.publish, show.state_dir,
                       show.keep_superseded_days)
    waiting = f", {len(done.waiting)} waiting out their grace period" if done.waiting else ""
    log(f"published {where}: {len(done.sent)} files sent ({done.bytes / 1e6:.1f} MB), "
        f"{done.unchanged} unchanged, {len(done.removed)} removed{waiting} in "
        f"{done.seconds:.1f} s")


def _preview_routes(show_dir: Path) -> dict | None:
    """The preview's feed and page for `serve`, if the show was built here."""
    from audiocast import preview

    try:
        show = load_show(show_dir)
    except AudiocastError as e:
        print(f"warning: no preview ({e}): serving feed/ as published", file=sys.stderr)
        return None
    if not preview.has_state(show):
        print("warning: no build state here (.audiocast/): serving feed/ as published, "
              f"its links pointing at {show.base_url}", file=sys.stderr)
        return None
    return preview.routes(lambda: show)


def _serve(args: argparse.Namespace) -> int:
    from audiocast.serve import serve

    folder = args.show / "feed"
    if not (folder / "feed.xml").is_file():
        raise ConfigError("nothing published yet", folder, hint="run audiocast build first")
    try:
        serve(folder, args.host, args.port, _preview_routes(args.show))
    except OSError as e:
        raise ConfigError(f"cannot listen on {args.host}:{args.port}: {e.strerror}") from None
    return EXIT_OK


def _desk(args: argparse.Namespace) -> int:
    from audiocast.desk import run

    load_show(args.show)  # an unusable show: one line, exit 2
    try:
        run(args.show, args.host, args.port)
    except OSError as e:
        raise ConfigError(f"cannot listen on {args.host}:{args.port}: {e.strerror}") from None
    return EXIT_OK


def _voices(args: argparse.Namespace) -> int:
    from audiocast.speech import SpeechError, engine_class, engine_names

    for name in [args.engine] if args.engine else engine_names():
        cls = engine_class(name)
        where = "offline" if cls.offline else "needs the network"
        try:
            voices = cls.voices()
        except (SpeechError, OSError) as e:
            print(f"{name} ({where}): unavailable: {e}")
            continue
        print(f"{name} ({where}, {len(voices)} voices): {(cls.__doc__ or '').strip()}")
        for voice in voices:
            print(f"  {voice.name:<12} {voice.description}")
    return EXIT_OK


def _cache(args: argparse.Namespace) -> int:
    from audiocast.cache import Store
    from audiocast.state import show_lock

    state = args.show / ".audiocast"
    stores = {"takes": Store(state / "cache" / "takes", ".wav"),
              "chapters": Store(state / "cache" / "chapters", ".mp3")}
    if args.action == "prune":
        if args.older_than is None and args.max_size is None:
            raise ConfigError("cache prune needs --older-than DAYS or --max-size MB")
        budget = None if args.max_size is None else int(args.max_size * 1e6)
        with show_lock(state, wait=False):  # a build running now needs its chapters
            for name, store in stores.items():
                share = None if budget is None else budget // len(stores)
                older = None if args.older_than is None else args.older_than * 86400
                removed = store.prune(older_than=older, max_bytes=share)
                print(f"{name:<9} removed {removed.files} files, {removed.bytes / 1e6:.1f} MB")
    for name, store in stores.items():
        stats = store.stats()
        age = f", least recently used {stats.oldest / 86400:.1f} days ago" if stats.oldest else ""
        print(f"{name:<9} {stats.files} files, {stats.bytes / 1e6:.1f} MB{age}")
    return EXIT_OK


def _repeats(args: argparse.Namespace) -> int:
    from audiocast.narration.repeats import describe
    from audiocast.repeated import repeated

    if args.editions < 1 or args.at_least < 2:
        raise ConfigError("repeats needs --editions 1 or more and --at-least 2 or more")
    found, editions = repeated(load_show(args.show), args.editions, args.at_least,
                               lambda line: print(f"audiocast: warning: {line}", file=sys.stderr))
    print(describe(found, editions, args.at_least), end="")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    verbose = getattr(args, "verbose", False)
    try:
        return {"build": _build, "script": _script, "voices": _voices, "cache": _cache,
                "serve": _serve, "ingest": _ingest, "desk": _desk,
                "publish": _publish, "repeats": _repeats}[args.command](args)
    except ConfigError as e:
        print(f"audiocast: error: {e}", file=sys.stderr)
        return EXIT_UNUSABLE
    except AudiocastError as e:
        from audiocast.state import BuildBusy

        for problem in getattr(e, "problems", ()):
            print(f"audiocast: error: {problem}", file=sys.stderr)
        print(f"audiocast: error: {e}", file=sys.stderr)
        return EXIT_BUSY if isinstance(e, BuildBusy) else EXIT_EPISODES_FAILED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `audiocast voices | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as e:  # the disk or the system, not a bug: name the file
        where = f"{e.filename}: " if e.filename else ""
        print(f"audiocast: error: {where}{e.strerror or e}", file=sys.stderr)
        return EXIT_EPISODES_FAILED
    except Exception as e:  # a bug: one line for the log, the traceback with --verbose
        if verbose:
            traceback.print_exc()
        print(f"audiocast: internal error: {type(e).__name__}: {e} (run with --verbose and "
              "report it)", file=sys.stderr)
        return EXIT_EPISODES_FAILED


def run() -> None:
    """The `audiocast` command. Once a command has done its work and said so, the process
    leaves without Python's teardown of every module it loaded (about 90 ms, a sixth of an
    editor's rebuild): every file is written, closed and in place by then, and the exit
    handlers of the libraries still run. A command that raised exits the ordinary way."""
    done: list[int] = []
    atexit.register(_leave, done)  # registered first, so it runs after every other handler
    done.append(main())
    sys.exit(done[0])


def _leave(done: list[int]) -> None:
    if done:
        with contextlib.suppress(OSError):  # a closed pipe: nothing more can be said
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(done[0])
