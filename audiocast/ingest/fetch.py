"""Fetching a feed or a page for `audiocast ingest`, trusting nothing it points at.

Only http and https. The address the user named is trusted (its scheme, host and port: its
origin); every other address, whether a link found in a feed or a redirect, must resolve to
public addresses only (no loopback, private, link-local, shared or reserved ones), unless the
show allows its host (`[ingest] allow_hosts`). Redirects are followed here, hop by hop, each
checked; the address actually connected to is checked again (a name that resolves elsewhere
the second time gets nowhere). Each fetch has connect and read timeouts and a deadline for the
whole (a server sending a byte every few seconds is cut off), and a cap on the bytes it
brings after decompression (a gzip bomb stops at the cap).
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import requests
import urllib3.connection
import urllib3.connectionpool
from requests.adapters import HTTPAdapter

from audiocast.errors import AudiocastError
from audiocast.model import IngestSettings

AGENT = "audiocast-ingest (+https://github.com/audiocast)"
_REDIRECTS = (301, 302, 303, 307, 308)


class Refused(Exception):
    """A target the rules do not let us reach."""


@dataclass(frozen=True)
class Fetched:
    data: bytes
    url: str  # where it came from, after redirects


def origin(url: str) -> str:
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{parts.scheme.lower()}://{(parts.hostname or '').lower()}:{port}"


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


@dataclass
class Policy:
    """Which addresses one fetch may reach."""

    settings: IngestSettings
    trusted: str | None = None  # the origin the user named
    sockets: list[socket.socket] = field(default_factory=list)
    expired: bool = False

    def free(self, url: str) -> bool:
        """Whether `url` may go anywhere: the user's own origin, or an allowed host."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        allowed = self.settings.allow_hosts
        return origin(url) == self.trusted or bool(
            {host, f"{host}:{port}", f"[{host}]", f"[{host}]:{port}"} & set(allowed))

    def check_url(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise Refused("only http and https addresses are fetched")
        if self.free(url):
            return
        try:
            port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
            found = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as e:
            raise Refused(f"cannot resolve {parts.hostname}: {e}") from None
        for *_, address in found:
            if not _public(address[0]):
                raise Refused(f"{parts.hostname} is a private, loopback or reserved address "
                              f"({address[0]}); [ingest] allow_hosts can let it in")

    def connected(self, sock: socket.socket, url: str) -> None:
        """Called with each new connection: the address really reached is checked too."""
        self.sockets.append(sock)
        if not self.free(url) and not _public(sock.getpeername()[0]):
            sock.close()
            raise Refused(f"connected to a private address ({sock.getpeername()[0]})")

    def expire(self) -> None:
        """At the deadline: cut every connection of the fetch, however slow its server."""
        self.expired = True
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


def _session(policy: Policy, current: list[str]) -> requests.Session:
    """A session whose connections report to `policy` (`current[0]`: the URL being fetched)."""

    class Connection(urllib3.connection.HTTPConnection):
        def _new_conn(self) -> socket.socket:
            sock = super()._new_conn()
            policy.connected(sock, current[0])
            return sock

    class SecureConnection(urllib3.connection.HTTPSConnection):
        def _new_conn(self) -> socket.socket:
            sock = super()._new_conn()
            policy.connected(sock, current[0])
            return sock

    class Pool(urllib3.connectionpool.HTTPConnectionPool):
        ConnectionCls = Connection

    class SecurePool(urllib3.connectionpool.HTTPSConnectionPool):
        ConnectionCls = SecureConnection

    adapter = HTTPAdapter(max_retries=0)
    adapter.poolmanager.pool_classes_by_scheme = {"http": Pool, "https": SecurePool}
    session = requests.Session()
    session.trust_env = False  # no proxy or .netrc from the environment: we check the peer
    session.headers["User-Agent"] = AGENT
    for scheme in ("http://", "https://"):
        session.mount(scheme, adapter)
    return session


def _body(response: requests.Response, settings: IngestSettings, deadline: float) -> bytes:
    """The response's body, decompressed, at most `settings.max_bytes` of it."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise Refused(f"it is {int(declared):,} bytes, more than [ingest] max_bytes "
                      f"({settings.max_bytes:,})")
    chunks, size = [], 0
    for chunk in response.iter_content(65_536):
        size += len(chunk)
        if size > settings.max_bytes:
            raise Refused(f"it is more than [ingest] max_bytes ({settings.max_bytes:,} bytes, "
                          "after decompression)")
        if time.monotonic() > deadline:
            raise TimeoutError
        chunks.append(chunk)
    return b"".join(chunks)


def _hops(url: str, policy: Policy, session: requests.Session, current: list[str],
          deadline: float) -> Fetched:
    settings = policy.settings
    for _ in range(settings.max_redirects + 1):
        policy.check_url(url)
        current[0] = url
        with session.get(url, stream=True, allow_redirects=False,
                         timeout=(settings.connect_timeout, settings.read_timeout)) as response:
            location = response.headers.get("Location")
            if response.status_code in _REDIRECTS and location:
                url = urljoin(url, location)
                continue
            response.raise_for_status()
            return Fetched(_body(response, settings, deadline), url)
    raise Refused(f"more than {settings.max_redirects} redirects ([ingest] max_redirects)")


def fetch(url: str, settings: IngestSettings, trusted: str | None = None) -> Fetched:
    """The bytes at `url`; an `AudiocastError` naming `url` when it cannot or may not be
    fetched. `trusted`: the origin the user named, which may be a private address."""
    policy = Policy(settings, trusted)
    deadline = time.monotonic() + settings.total_timeout
    timer = threading.Timer(settings.total_timeout, policy.expire)
    timer.daemon = True
    timer.start()
    current = [url]
    try:
        with _session(policy, current) as session:
            return _hops(url, policy, session, current, deadline)
    except Refused as e:
        raise AudiocastError(f"not fetched: {e}", url) from None
    except (requests.RequestException, OSError, TimeoutError) as e:
        if policy.expired or isinstance(e, TimeoutError) or time.monotonic() > deadline:
            raise AudiocastError(f"cannot fetch: no answer within [ingest] total_timeout "
                                 f"({settings.total_timeout:g} s)", url) from None
        raise AudiocastError(f"cannot fetch: {' '.join(str(e).split())[:300]}", url) from None
    finally:
        timer.cancel()
