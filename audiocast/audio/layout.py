"""How a chapter's takes are laid out, as plain data: what a chapter job carries to the
worker that masters it (the planner makes it without loading the audio stage)."""

from __future__ import annotations

from dataclasses import dataclass, field

from audiocast.model import AudioSettings, Music


@dataclass(frozen=True)
class Layout:
    """How a chapter's takes are laid out: the pause after each, and its music."""

    pauses_ms: tuple[int, ...]
    audio: AudioSettings
    take_keys: tuple[str, ...] = ()  # each take's content address (names the blocks)
    music: Music = field(default_factory=Music)
    intro: tuple[int, bytes] | None = None  # the first N takes, over this music
    outro: tuple[int, bytes] | None = None  # the last N takes, over this music
    sting: bool = False  # a chime in the pause after the last take
    encoder_db: float = 0.0  # how much the encoder changes the level (encode.level_change_db)
    lead_in_ms: int = 0  # silence before the first take
