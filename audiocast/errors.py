"""The one error type a person is shown: what went wrong, in which file, and what to do."""

from __future__ import annotations

from pathlib import Path


class AudiocastError(Exception):
    """Bad input or configuration, reported as one line without a traceback."""

    def __init__(self, message: str, path: Path | str | None = None, hint: str | None = None,
                 line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        web = isinstance(path, str) and "://" in path  # a web address stays as written
        self.path: Path | str | None = path if web or path is None else Path(path)
        self.hint = hint
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{hint}"


class ConfigError(AudiocastError):
    """The show cannot be built at all (exit code 2)."""


class EditionError(AudiocastError):
    """An edition that cannot be built: why, and every bad file of it, one line each."""

    def __init__(self, message: str, path: Path | str | None = None,
                 problems: tuple[str, ...] = (), hint: str | None = None) -> None:
        super().__init__(message, path, hint)
        self.problems = problems
