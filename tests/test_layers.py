"""The one-way flow, enforced: a module imports only its own room and the rooms below it.

From the bottom: the base (plain data, errors, atomic files, the content store, what is
installed); the stages (sources, narration, speech, audio, publish), which never import one
another; the configuration loader and the ingest command; the orchestration; the interfaces
(CLI, servers, the desk). A stage that imported the loader, the orchestrator or another stage
would fail here, naming the import.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "audiocast"
BASE = {"audiocast", "audiocast.model", "audiocast.errors", "audiocast.files", "audiocast.cache",
        "audiocast.sanitize", "audiocast.installed"}
STAGES = ("sources", "narration", "speech", "audio", "publish")
LOADER = {"audiocast.config", "audiocast.ingest"}
ORCHESTRATION = {"audiocast.changes", "audiocast.state", "audiocast.report", "audiocast.plan",
                 "audiocast.chapters", "audiocast.workers", "audiocast.write",
                 "audiocast.tidy", "audiocast.publishing", "audiocast.build", "audiocast.feeds",
                 "audiocast.destinations", "audiocast.narrations"}


def _room(module: str) -> tuple[int, str]:
    """The layer (0 lowest) and room of a module of the package."""
    if module in BASE:
        return 0, module
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in STAGES:
        return 1, parts[1]
    top = ".".join(parts[:2])
    if top in LOADER:
        return 2, top
    if top in ORCHESTRATION:
        return 3, "orchestration"
    return 4, "interfaces"


def _name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [node.module] + [f"{node.module}.{a.name}" for a in node.names]
    return [m for m in found if m == "audiocast" or m.startswith("audiocast.")]


def _known(module: str) -> bool:
    """`from audiocast.x import name` lists `audiocast.x.name`: keep only real modules."""
    relative = Path(*module.split(".")[1:])
    return module == "audiocast" or (PACKAGE / relative).with_suffix(".py").is_file() or (
        PACKAGE / relative / "__init__.py").is_file()


def test_no_module_imports_upward_or_across_stages() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _name(path)
        layer, room = _room(module)
        for imported in filter(_known, _imports(path)):
            their_layer, their_room = _room(imported)
            across = layer == their_layer == 1 and their_room != room
            if their_layer > layer or across:
                wrong.append(f"{module} ({room}) imports {imported} ({their_room})")
    assert not wrong, "\n".join(wrong)


def test_the_rooms_are_what_this_test_thinks() -> None:
    """So the test above cannot pass by knowing no modules."""
    rooms = {_room(_name(p))[1] for p in PACKAGE.rglob("*.py")}
    assert {*STAGES, "orchestration", "interfaces", "audiocast.config"} <= rooms
    assert _room("audiocast.narration.script") == (1, "narration")
    assert _room("audiocast.build") == (3, "orchestration")
