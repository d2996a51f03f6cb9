"""A Piper voice run in two halves, so a long sentence costs no more memory than a short one.

A Piper voice is a VITS graph. Its text half turns phonemes into latent frames (about 86 a
second). Its waveform half, a HiFi-GAN decoder, turns each frame into 256 samples. Run whole,
the decoder holds the activations of the entire sentence at once: about 10 MB a word on one
thread. With two workers that peak decided the whole build's memory. The decoder sees only a
few frames either side of each output sample, so the graph is cut where the decoder starts,
and the latent is decoded in windows of at most WINDOW frames with MARGIN frames of context
each side, keeping each window's middle (as few windows as fit, of even size). The samples
are the ones the whole graph gives (tests/test_voice.py compares them), and a worker's peak
no longer grows with the sentence's audio: about 270 MB in a build where it was 420, for
about 5% more time (scripts/bench.py --only voice).

A graph without Piper's decoder node (`/dec/conv_pre/Conv`, as piper's exporter names it), or
with control flow whose inputs cannot be traced, runs whole.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from tempfile import TemporaryDirectory, gettempdir
from typing import Any

import numpy as np

DECODER_START = "/dec/conv_pre/Conv"
WINDOW = 192  # at most this many latent frames decoded at once: about 2.2 s of audio
MARGIN = 24  # frames of context each side; Piper's decoders are exact from 12
_PREFIX = "audiocast-voice-"  # then the loading process's id


class WindowedVoice:
    """An `InferenceSession` look-alike for piper-tts: the text half, then the decoder in
    windows."""

    def __init__(self, encoder: Any, decoder: Any, latent: str) -> None:
        self.encoder, self.decoder, self.latent = encoder, decoder, latent
        self.decoder_feeds = {i.name for i in decoder.get_inputs()} - {latent}

    def run(self, output_names: Any, feeds: Mapping[str, Any]) -> list[np.ndarray]:
        (latent,) = self.encoder.run([self.latent], dict(feeds))
        extra = {k: v for k, v in feeds.items() if k in self.decoder_feeds}  # a speaker id
        frames = latent.shape[-1]
        size = -(-frames // max(1, -(-frames // WINDOW)))  # as few windows as fit, even
        pieces = [np.zeros(0, np.float32)]
        for start in range(0, frames, size):
            low, high = max(0, start - MARGIN), min(frames, start + size + MARGIN)
            audio = self.decoder.run(None, {self.latent: latent[..., low:high], **extra})[0]
            audio = audio.reshape(-1)
            hop = audio.size // (high - low)
            end = min(start + size, frames)
            pieces.append(audio[(start - low) * hop:(end - low) * hop])
        return [np.concatenate(pieces)]


def load(path: Path, options: Any) -> Any:
    """A session for the voice at `path`: windowed where the graph allows, else whole.

    The halves are written to a private folder and loaded from there, with the encoder's
    weights as external data: onnxruntime holds a model given as bytes twice over, and a
    worker's peak while loading stays that of reading the voice once."""
    import onnx
    import onnxruntime

    def session(model: Path) -> Any:
        return onnxruntime.InferenceSession(str(model), sess_options=options,
                                            providers=["CPUExecutionProvider"])

    _remove_orphans()
    model = onnx.load(str(path))
    with TemporaryDirectory(prefix=f"{_PREFIX}{os.getpid()}-",
                            ignore_cleanup_errors=True) as folder:
        halves = _split(model, Path(folder))
        del model
        if halves is None:
            return session(path)
        encoder, decoder, latent = halves
        return WindowedVoice(session(encoder), session(decoder), latent)


def _remove_orphans() -> None:
    """The folders of processes killed while loading a voice (a daily build SIGKILLed at
    that moment): their halves are tens of megabytes each."""
    for folder in Path(gettempdir()).glob(f"{_PREFIX}*-*"):
        pid = folder.name[len(_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        pass
    return True


def _split(model: Any, folder: Path) -> tuple[Path, Path, str] | None:
    """The encoder and decoder saved in `folder`, and the latent's name; None if the graph is
    not cut that way. The encoder is the model cut down in place, to keep memory low."""
    import onnx
    from onnx import AttributeProto, TensorProto, helper

    graph = model.graph
    subgraphs = (AttributeProto.GRAPH, AttributeProto.GRAPHS)
    if any(a.type in subgraphs for n in graph.node for a in n.attribute):
        return None
    start = next((n for n in graph.node if n.name == DECODER_START), None)
    if start is None or len(graph.output) != 1:
        return None
    latent = start.input[0]
    known = [v for v in graph.value_info if v.name == latent]  # its rank lets both halves
    latent_info = (known[0] if known else  # be optimized as in the whole graph
                   helper.make_tensor_value_info(latent, TensorProto.FLOAT, [1, None, None]))
    decoder_nodes = _upstream(graph.node, [graph.output[0].name], stop=latent)
    names = {i for n in (graph.node[k] for k in decoder_nodes) for i in n.input}
    decoder = helper.make_model(
        helper.make_graph(
            [graph.node[k] for k in sorted(decoder_nodes)], "decoder",
            [latent_info, *(i for i in graph.input if i.name in names)],
            list(graph.output), [t for t in graph.initializer if t.name in names]),
        opset_imports=list(model.opset_import), ir_version=model.ir_version)
    onnx.save(decoder, folder / "decoder.onnx")
    encoder_nodes = _upstream(graph.node, [latent], stop=None)
    for k in reversed(range(len(graph.node))):
        if k not in encoder_nodes:
            del graph.node[k]
    used = {i for n in graph.node for i in n.input}
    for k in reversed(range(len(graph.initializer))):
        if graph.initializer[k].name not in used:
            del graph.initializer[k]
    del graph.output[:]
    graph.output.append(latent_info)
    onnx.save(model, folder / "encoder.onnx", save_as_external_data=True,
              all_tensors_to_one_file=True, location="encoder.data")
    return folder / "encoder.onnx", folder / "decoder.onnx", latent


def _upstream(nodes: Sequence[Any], wanted: list[str], stop: str | None) -> set[int]:
    """Indexes of the nodes that `wanted` depends on, not looking past `stop`."""
    made = {out: k for k, node in enumerate(nodes) for out in node.output}
    found: set[int] = set()
    while wanted:
        name = wanted.pop()
        k = made.get(name)
        if name == stop or k is None or k in found:
            continue
        found.add(k)
        wanted.extend(nodes[k].input)
    return found
