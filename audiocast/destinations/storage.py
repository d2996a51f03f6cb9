"""A destination's file system (fsspec), and what differs between them: how to reach it,
how to set an object's HTTP headers, what checksum its listing gives, and what its errors
mean to the person running the publish."""

from __future__ import annotations

import base64
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audiocast.errors import AudiocastError, ConfigError
from audiocast.files import atomic_path
from audiocast.model import PublishSettings

_EXTRAS = {"s3": "s3", "s3a": "s3", "gcs": "gcs", "gs": "gcs", "az": "azure", "abfs": "azure",
           "abfss": "azure"}
_CREDENTIALS = {
    "s3": "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE)",
    "gcs": "GOOGLE_APPLICATION_CREDENTIALS",
    "azure": "AZURE_STORAGE_ACCOUNT_NAME with AZURE_STORAGE_ACCOUNT_KEY, or "
             "AZURE_STORAGE_CONNECTION_STRING",
}
_UNREACHABLE = {"EndpointConnectionError", "ConnectTimeoutError", "ReadTimeoutError",
                "ConnectionClosedError", "FSTimeoutError", "ClientConnectorError",
                "ServerTimeoutError", "ServiceRequestError", "TimeoutError",
                "ConnectionError", "ProxyConnectionError"}
_DENIED = {"NoCredentialsError", "PartialCredentialsError", "ClientAuthenticationError",
           "DefaultCredentialsError", "RefreshError"}
UPLOAD_RATE = 100_000  # bytes a second an upload may be held to before it times out


class PublishError(ConfigError):
    """The destination cannot be used at all: bad credentials, no such bucket, an endpoint
    that does not answer (exit code 2)."""


@dataclass(frozen=True)
class Storage:
    """A destination: its file system, the path of `feed/`'s copy on it, and its address."""

    fs: Any  # an fsspec AbstractFileSystem
    root: str
    address: str
    kind: str  # "s3", "gcs", "azure", "local" or another fsspec protocol
    timeout: float

    @property
    def local(self) -> bool:
        return self.kind == "local"

    def limit(self, size: int = 0) -> dict[str, float]:
        """The `timeout=` of a call moving `size` bytes (fsspec's asynchronous file systems
        take it; a call that runs past it raises FSTimeoutError)."""
        if not getattr(self.fs, "async_impl", False):
            return {}
        return {"timeout": self.timeout + size / UPLOAD_RATE}

    def path(self, relative: str) -> str:
        return f"{self.root}/{relative}" if self.root else relative


def _kind(address: str) -> str:
    protocol = address.split("://", 1)[0].lower() if "://" in address else "file"
    return "local" if protocol in ("file", "local") else _EXTRAS.get(protocol, protocol)


def _options(kind: str, settings: PublishSettings) -> dict[str, Any]:
    """Storage options: the file system's own from [publish] options, and for S3 the
    endpoint, region and time limits (credentials come from the environment)."""
    options: dict[str, Any] = {"skip_instance_cache": True} if kind != "local" else {}
    if kind == "s3":
        config = {"connect_timeout": min(settings.timeout, 10.0),
                  "read_timeout": settings.timeout,
                  "retries": {"total_max_attempts": 3, "mode": "standard"}}
        options["config_kwargs"] = config
        if settings.endpoint_url:
            options["endpoint_url"] = settings.endpoint_url
        if settings.region:
            options["client_kwargs"] = {"region_name": settings.region}
    for key, value in settings.options.items():
        merged = isinstance(value, dict) and isinstance(options.get(key), dict)
        options[key] = {**options[key], **value} if merged else value
    return options


def open_storage(address: str, settings: PublishSettings) -> Storage:
    """The destination at `address`; a PublishError when its library is missing."""
    import fsspec.core

    kind = _kind(address)
    try:
        fs, root = fsspec.core.url_to_fs(address, **_options(kind, settings))
    except ImportError:
        extra = kind if kind in _CREDENTIALS else None
        raise PublishError(f"publishing to {address.split('://')[0]}:// needs its library",
                           address, hint=f"pip install 'audiocast[{extra}]'" if extra
                           else "install the fsspec file system for it") from None
    except (ValueError, TypeError) as e:
        raise PublishError(f"cannot use this destination: {e}", address) from None
    return Storage(fs, root.rstrip("/"), address, kind, settings.timeout)


def headers(storage: Storage, kind: str, cache: str) -> dict[str, Any]:
    """The keyword arguments that set Content-Type and Cache-Control on an upload."""
    if storage.kind == "s3":
        return {"ContentType": kind, "CacheControl": cache}
    if storage.kind == "gcs":
        return {"content_type": kind, "fixed_key_metadata": {"cache_control": cache}}
    if storage.kind == "azure":
        return {"content_settings": {"content_type": kind, "cache_control": cache}}
    return {}


def upload(storage: Storage, source: Path, relative: str, kind: str, cache: str) -> None:
    """One file sent whole: one request to object storage (visible whole or not at all),
    a temporary name then a rename in a folder."""
    target = storage.path(relative)
    if storage.local:
        with atomic_path(Path(target)) as tmp, source.open("rb") as f, tmp.open("wb") as out:
            shutil.copyfileobj(f, out)
        return
    storage.fs.put_file(str(source), target, **headers(storage, kind, cache),
                        **storage.limit(source.stat().st_size))


def remote_md5(info: dict[str, Any]) -> str | None:
    """The MD5 a listing gives of an object, where it gives one: S3's ETag of an object sent
    in one request, GCS's md5Hash, Azure's content_md5."""
    etag = str(info.get("ETag") or "").strip('"')
    if etag and "-" not in etag and len(etag) == 32:
        return etag.lower()
    if info.get("md5Hash"):
        return base64.b64decode(info["md5Hash"]).hex()
    settings = info.get("content_settings")
    md5 = settings.get("content_md5") if isinstance(settings, dict) else getattr(
        settings, "content_md5", None)
    return bytes(md5).hex() if md5 else None


def version(info: dict[str, Any]) -> str:
    """What tells one version of an object from another in a listing."""
    for key in ("ETag", "etag", "generation", "md5Hash", "mtime", "LastModified",
                "last_modified"):
        if info.get(key):
            return f"{info.get('size')}:{info[key]}"
    return f"{info.get('size')}"


def explain(error: BaseException, storage: Storage) -> AudiocastError:
    """A failure of the storage as one line: what it means and what to do."""
    names = {cls.__name__ for cls in type(error).__mro__}
    where, extra = storage.address, _CREDENTIALS.get(storage.kind, "its credentials")
    detail = " ".join(str(error).split())[:200]
    named = f"{type(error).__name__}: {detail}" if detail else type(error).__name__
    if isinstance(error, PermissionError) or names & _DENIED:
        return PublishError(f"access denied ({detail or named})", where,
                            hint=f"check the credentials: {extra}")
    if isinstance(error, FileNotFoundError) and not storage.local:
        return PublishError(f"no such bucket or container ({detail})", where,
                            hint="create it, or check the name")
    if names & _UNREACHABLE:
        return PublishError("the storage service cannot be reached or did not answer in "
                            f"time ({named})", where,
                            hint="check the endpoint ([publish] endpoint_url, "
                                 "AWS_ENDPOINT_URL_S3) and the network; run it again")
    if isinstance(error, AudiocastError):
        return error
    return AudiocastError(f"publishing failed ({named})", where,
                          hint="what the feed lists is unchanged or whole; run it again")
