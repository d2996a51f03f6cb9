"""Takes + designed pauses -> the episode's PCM in one linear pass, and its chapter times.

Each take is brought to the output rate and trimmed of the engine's own leading and
trailing silence; the pauses the script asks for are then the only gaps. Chapter times
are measured on this final timeline.
"""

from __future__ import annotations

import warnings

with warnings.catch_warnings():  # pydub warns at import that no ffmpeg is on PATH: none is used
    warnings.simplefilter("ignore", RuntimeWarning)
    from pydub import AudioSegment
    from pydub.silence import detect_leading_silence

from audiocast.model import Chapter, Mastered, Script, Take

_SILENCE_DBFS = -50.0
_KEEP_MS = 20  # of the engine's own silence, so no word is clipped


def _trimmed(audio: AudioSegment) -> AudioSegment:
    if len(audio) == 0:
        return audio
    lead = detect_leading_silence(audio, _SILENCE_DBFS)
    trail = detect_leading_silence(audio.reverse(), _SILENCE_DBFS)
    start = max(0, lead - _KEEP_MS)
    end = min(len(audio), len(audio) - trail + _KEEP_MS)
    return audio[start:end] if end > start else audio[:0]


def _frames_to_ms(frames: int, rate: int) -> int:
    return frames * 1000 // rate


def assemble(script: Script, takes: tuple[Take, ...], rate: int) -> Mastered:
    if len(takes) != len(script.segments):
        raise ValueError("one take per segment")
    parts: list[bytes] = []
    starts: list[int] = []  # first frame of each segment
    frames = 0
    for segment, take in zip(script.segments, takes, strict=True):
        audio = AudioSegment(data=take.pcm, sample_width=2, frame_rate=take.rate, channels=1)
        if take.rate != rate:
            audio = audio.set_frame_rate(rate)
        audio = _trimmed(audio)
        pause = AudioSegment.silent(segment.pause_ms, frame_rate=rate)
        starts.append(frames)
        parts += (audio.raw_data, pause.raw_data)
        frames += int(audio.frame_count()) + int(pause.frame_count())
    total_ms = _frames_to_ms(frames, rate)
    bounds = [_frames_to_ms(starts[m.first_segment], rate) for m in script.chapters] + [total_ms]
    chapters = tuple(Chapter(m.title, bounds[i], bounds[i + 1], m.url)
                     for i, m in enumerate(script.chapters))
    return Mastered(b"".join(parts), rate, chapters)
