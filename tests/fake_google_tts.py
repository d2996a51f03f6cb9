"""A local stand-in for Google Translate's speech endpoint, reached the way gTTS reaches the
real one: an HTTPS proxy on 127.0.0.1 (gTTS honours HTTPS_PROXY) that accepts CONNECT,
speaks TLS with a throwaway certificate, and answers `batchexecute` requests like the
service: an MP3 (24 kHz mono, as Google sends) base64-encoded inside the RPC envelope."""

from __future__ import annotations

import base64
import json
import math
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import lameenc
import trustme

RATE = 24000
PATH = "/_/TranslateWebserverUi/data/batchexecute"


def tone_mp3(seconds: float) -> bytes:
    """A 220 Hz tone as a 32 kbps mono MP3, like the service's takes."""
    frames = int(seconds * RATE)
    pcm = b"".join(int(8000 * math.sin(2 * math.pi * 220 * i / RATE)).to_bytes(2, "little",
                                                                                 signed=True)
                   for i in range(frames))
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(32)
    encoder.set_in_sample_rate(RATE)
    encoder.set_out_sample_rate(RATE)
    encoder.set_channels(1)
    return bytes(encoder.encode(pcm) + encoder.flush())


def seconds_for(text: str) -> float:
    return 0.2 + 0.02 * len(text)


@dataclass
class FakeGoogle:
    proxy_url: str
    statuses: list[int] = field(default_factory=list)  # answers to give before succeeding
    texts: list[str] = field(default_factory=list)  # every text asked for, in order
    hosts: list[str] = field(default_factory=list)  # every CONNECT target
    refuse: str = ""  # answer 500, always, to any text containing this


def _handler(state: FakeGoogle, tls_context) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def do_CONNECT(self) -> None:
            state.hosts.append(self.path)
            self.send_response(200, "Connection established")
            self.end_headers()
            self.wfile.flush()
            self.connection = tls_context.wrap_socket(self.connection, server_side=True)
            self.rfile = self.connection.makefile("rb")
            self.wfile = self.connection.makefile("wb")
            self.close_connection = False
            while not self.close_connection:
                self.handle_one_request()

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
            if self.path.split("?")[0] != PATH:
                self.send_error(404)
                return
            rpc = json.loads(urllib.parse.parse_qs(body)["f.req"][0])
            text = json.loads(rpc[0][0][1])[0]
            state.texts.append(text)
            if state.statuses or (state.refuse and state.refuse in text):
                status = state.statuses.pop(0) if state.statuses else 500
                self.send_response(status)
                if status == 429:
                    self.send_header("Retry-After", "0")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            audio = base64.b64encode(tone_mp3(seconds_for(text))).decode()
            envelope = json.dumps([["wrb.fr", "jQ1olc", json.dumps([audio]), None, None, None,
                                    "generic"]], separators=(",", ":"))
            payload = f")]}}'\n\n{len(envelope)}\n{envelope}\n".encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    return Handler


@contextmanager
def fake_google() -> Iterator[FakeGoogle]:
    ca = trustme.CA()
    cert = ca.issue_cert("translate.google.com")
    import ssl
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    state = FakeGoogle(proxy_url="")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state, context))
    server.daemon_threads = True
    state.proxy_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
