"""Typed errors raised by the geo model. Each one names the file or input it is about."""

from __future__ import annotations


def one_line(error: BaseException | str, fallback: str | None = None) -> str:
    """The first non-blank line of an error's text, for a one-line message.

    Parameters
    ----------
    error
        An exception, or the text of one.
    fallback
        What to say when the text has no visible line; by default the exception's type name
        followed by ``(no message)`` (or ``unknown error`` for plain text).

    Returns
    -------
    str
        One stripped line, never empty: an exception whose text starts with a newline still
        gives its first real line.
    """
    for line in str(error).splitlines():
        if line.strip():
            return line.strip()
    if fallback is not None:
        return fallback
    if isinstance(error, BaseException):
        return f"{type(error).__name__} (no message)"
    return "unknown error"


class AtlasError(Exception):
    """Base class for every error the geo model raises on bad input."""


class ReadError(AtlasError):
    """A file could not be read, or its contents make no sense.

    The message is one line: ``<path>: <reason>``.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnsupportedFormatError(ReadError):
    """No reader accepts this file."""


class CrsError(ReadError):
    """The file's coordinate reference system is missing, unknown or implausible."""


class DateError(ReadError):
    """No date could be found for a snapshot, or the date found is impossible."""


class QueryError(AtlasError):
    """A request about loaded data cannot be answered (unknown series, date before the first)."""
