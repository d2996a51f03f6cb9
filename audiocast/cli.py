"""The `audiocast` command: `build` a show, print an episode's `script`."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from audiocast import __version__
from audiocast.config import CONFIG_NAME, AudioSettings, Voice, load_show
from audiocast.errors import AudiocastError, ConfigError
from audiocast.speech import ENGINES, SpeechError, make_engine

EXIT_OK, EXIT_EPISODES_FAILED, EXIT_UNUSABLE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="audiocast", description="Turn a newsroom's articles into a podcast.")
    parser.add_argument("--version", action="version", version=f"audiocast {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="build the show's episodes and feed into feed/")
    build.add_argument("show", nargs="?", type=Path, default=Path("."),
                       help=f"show folder holding {CONFIG_NAME} and episodes/ (default: here)")
    build.add_argument("--engine", choices=sorted(ENGINES), help="speech engine to use instead "
                       "of the show's")
    build.add_argument("--base-url", help="publish under this URL instead of the show's")

    script = sub.add_parser("script", help="print what will be said, one segment per line")
    script.add_argument("path", type=Path, help="an article file or an edition folder")
    script.add_argument("--show", type=Path, help=f"show folder with {CONFIG_NAME} (default: the "
                        "one above PATH, if any)")
    script.add_argument("--engine", choices=sorted(ENGINES),
                        help="cut segments to this engine's limit")
    script.add_argument("--json", action="store_true",
                        help="the full structure: segments, pauses and chapter marks")
    return parser


def _find_show_dir(path: Path) -> Path | None:
    for folder in [path, *path.resolve().parents]:
        if (folder / CONFIG_NAME).is_file():
            return folder
    return None


def _script(args: argparse.Namespace) -> int:
    from audiocast import sources
    from audiocast.narration.script import edition_script

    show_dir = args.show or _find_show_dir(args.path)
    if show_dir is not None:
        show = load_show(show_dir, engine=args.engine)
        title, voice, pauses = show.title, show.voice, show.audio
    else:
        title, voice, pauses = "audiocast", Voice(engine=args.engine or "espeak"), AudioSettings()
    if not args.path.exists():
        raise AudiocastError("no such file or folder", args.path)
    edition = sources.read_edition(args.path)
    script = edition_script(title, edition, make_engine(voice).max_chars, pauses)
    if args.json:
        print(json.dumps({
            "episode": edition.id,
            "title": edition.title,
            "segments": [dataclasses.asdict(s) for s in script.segments],
            "chapters": [dataclasses.asdict(c) for c in script.chapters],
        }, indent=2, ensure_ascii=False))
    else:
        for segment in script.segments:
            print(segment.text)
    return EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from audiocast.build import build

    show = load_show(args.show, engine=args.engine, base_url=args.base_url)
    report = build(show)
    return EXIT_EPISODES_FAILED if report.failed else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return {"build": _build, "script": _script}[args.command](args)
    except ConfigError as e:
        print(f"audiocast: error: {e}", file=sys.stderr)
        return EXIT_UNUSABLE
    except (AudiocastError, SpeechError) as e:
        print(f"audiocast: error: {e}", file=sys.stderr)
        return EXIT_EPISODES_FAILED
    except KeyboardInterrupt:
        return 130
