"""A local stand-in for Microsoft's Edge read-aloud service, reached the way edge-tts reaches
the real one: a WebSocket over TLS to speech.platform.bing.com, here through an HTTP proxy
on 127.0.0.1 (edge-tts takes `proxy=`), with a throwaway certificate the client is told to
trust. It answers an SSML request like the service: turn.start, MP3 audio in binary
messages with the service's header framing, turn.end."""

from __future__ import annotations

import asyncio
import contextlib
import re
import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import edge_tts.communicate
import trustme
from aiohttp import WSMsgType, web

from tests.fake_google_tts import seconds_for, tone_mp3

HOST = "speech.platform.bing.com"
PATH = "/consumer/speech/synthesize/readaloud/edge/v1"


@dataclass
class FakeEdge:
    proxy_url: str = ""
    statuses: list[int] = field(default_factory=list)  # handshake answers before succeeding
    texts: list[str] = field(default_factory=list)
    voices: list[str] = field(default_factory=list)


def _message(path: str, body: str = "{}") -> str:
    return (f"X-RequestId:fake\r\nContent-Type:application/json; charset=utf-8\r\n"
            f"Path:{path}\r\n\r\n{body}")


def _audio_message(mp3: bytes) -> bytes:
    headers = b"X-RequestId:fake\r\nContent-Type:audio/mpeg\r\nX-StreamId:1\r\nPath:audio\r\n"
    return len(headers).to_bytes(2, "big") + headers + mp3


def _app(state: FakeEdge) -> web.Application:
    async def speak(request: web.Request) -> web.StreamResponse:
        if "TrustedClientToken" not in request.query or "Sec-MS-GEC" not in request.query:
            return web.Response(status=403)
        if state.statuses:
            return web.Response(status=state.statuses.pop(0))
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        async for msg in ws:
            if msg.type != WSMsgType.TEXT or "Path:ssml" not in msg.data:
                continue
            voice = re.search(r"<voice name='([^']+)'>", msg.data)
            text = re.search(r"<prosody[^>]*>(.*?)</prosody>", msg.data, re.S)
            state.voices.append(voice[1] if voice else "")
            state.texts.append(text[1] if text else "")
            await ws.send_str(_message("turn.start"))
            mp3 = tone_mp3(seconds_for(state.texts[-1]))
            for start in range(0, len(mp3), 4096):
                await ws.send_bytes(_audio_message(mp3[start:start + 4096]))
            await ws.send_str(_message("turn.end"))
        return ws

    app = web.Application()
    app.router.add_get(PATH, speak)
    return app


class _Tunnel(BaseHTTPRequestHandler):
    """An HTTP proxy that only tunnels (CONNECT), always to the fake service."""

    target: tuple[str, int]

    def log_message(self, *args) -> None:
        pass

    def do_CONNECT(self) -> None:
        upstream = socket.create_connection(self.target)
        self.send_response(200, "Connection established")
        self.end_headers()
        self.wfile.flush()

        def pump(src: socket.socket, dst: socket.socket) -> None:
            with contextlib.suppress(OSError):
                while data := src.recv(65536):
                    dst.sendall(data)
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

        back = threading.Thread(target=pump, args=(upstream, self.connection), daemon=True)
        back.start()
        pump(self.connection, upstream)
        back.join(5)
        upstream.close()


@contextmanager
def fake_edge() -> Iterator[FakeEdge]:
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(HOST).configure_cert(context)
    ca.configure_trust(edge_tts.communicate._SSL_CTX)  # as a company installs its root CA
    state = FakeEdge()
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(_app(state))
    loop.run_until_complete(runner.setup())
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=context)
    loop.run_until_complete(site.start())
    port = site._server.sockets[0].getsockname()[1]
    threading.Thread(target=loop.run_forever, daemon=True).start()
    tunnel = type("Tunnel", (_Tunnel,), {"target": ("127.0.0.1", port)})
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), tunnel)
    proxy.daemon_threads = True
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    state.proxy_url = f"http://127.0.0.1:{proxy.server_address[1]}"
    try:
        yield state
    finally:
        proxy.shutdown()
        proxy.server_close()
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
