"""MP3 frames, read from their headers: how many, how long. Enough to join separately
encoded chapters frame by frame and know where each one starts, without decoding."""

from __future__ import annotations

from dataclasses import dataclass

from audiocast.errors import AudiocastError

_BITRATES = {  # kbit/s by bitrate index, for Layer III
    3: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),  # MPEG-1
    2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),  # MPEG-2
    0: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),  # MPEG-2.5
}
_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


class NotMp3(AudiocastError):
    """Bytes that should be MP3 frames are not (a damaged cached chapter, say)."""


@dataclass(frozen=True)
class FrameInfo:
    frames: int
    rate: int
    samples_per_frame: int

    @property
    def samples(self) -> int:
        return self.frames * self.samples_per_frame


def _id3_size(data: bytes) -> int:
    if data[:3] != b"ID3" or len(data) < 10:
        return 0
    size = 0
    for b in data[6:10]:
        size = size << 7 | (b & 0x7F)
    return 10 + size


def _frame(header: bytes) -> tuple[int, int, int] | None:
    """A Layer III frame header's frame length in bytes, sample rate and samples per frame;
    None if these four bytes are not one."""
    word = int.from_bytes(header, "big")
    version = (word >> 19) & 3
    if (word >> 21 != 0x7FF or (word >> 17) & 3 != 1 or version == 1
            or (word >> 12) & 0xF in (0, 15) or (word >> 10) & 3 == 3):
        return None
    bitrate = _BITRATES[version][(word >> 12) & 0xF] * 1000
    rate = _RATES[version][(word >> 10) & 3]
    per_frame = 1152 if version == 3 else 576
    return per_frame // 8 * bitrate // rate + (word >> 9 & 1), rate, per_frame


def scan(data: bytes) -> FrameInfo:
    """Walk the Layer III frames of `data` (after any ID3v2 tag); `NotMp3` on garbage."""
    pos, end = _id3_size(data), len(data)
    frames, rate, per_frame = 0, 0, 1152
    seen: dict[bytes, tuple[int, int, int] | None] = {}  # an encoder repeats a few headers
    while pos + 4 <= end:
        header = data[pos:pos + 4]
        if header not in seen:
            seen[header] = _frame(header)
        if (frame := seen[header]) is None:
            if header[:3] == b"TAG":  # an ID3v1 tag at the end
                break
            raise NotMp3(f"no MP3 frame at byte {pos}")
        length, rate, per_frame = frame
        pos += length
        frames += 1
    return FrameInfo(frames, rate, per_frame)


ENCODER_DELAY = 576 + 529  # samples LAME's encoder and a decoder add before the audio


def info_frame(first_frame_header: bytes, frames: int, size: int) -> bytes:
    """A silent first frame carrying a Xing "Info" tag (the CBR form): how many frames and
    bytes follow, so players show the duration and seek without reading the whole file.
    `size` is the byte count of the audio frames after it."""
    header = int.from_bytes(first_frame_header[:4], "big") & ~(1 << 9)  # no padding
    frame = _frame(header.to_bytes(4, "big"))
    if frame is None:
        raise NotMp3("no MP3 frame header to copy for the Info frame")
    length, version = frame[0], (header >> 19) & 3
    mono = (header >> 6) & 3 == 3
    side_info = (17 if mono else 32) if version == 3 else (9 if mono else 17)
    tag = b"Info" + (3).to_bytes(4, "big") + frames.to_bytes(4, "big") + (
        size + length).to_bytes(4, "big")
    frame = header.to_bytes(4, "big") + bytes(side_info) + tag
    return frame + bytes(length - len(frame))
