"""The text of the freedesktop files: the ``.desktop`` entry and the shared-mime-info package.

Pure string building from :data:`ui.file_types.FILE_TYPES`; ``ui/desktop_install.py`` writes
them. Specifications: Desktop Entry 1.4 (``Exec`` quoting, ``%F``) and shared-mime-info 0.21.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ui.file_types import APP_ID, APP_NAME, FILE_TYPES

_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = '"`$\\'


def exec_quote(arg: str) -> str:
    """One ``Exec`` argument, quoted as the Desktop Entry spec requires.

    An argument with a reserved character goes in double quotes with ``"`$\\`` backslashed;
    then, because the value is also a desktop-file string, every backslash is doubled and
    ``%`` (a field code) becomes ``%%``.
    """
    if arg and not _RESERVED.intersection(arg):
        quoted = arg
    else:
        inner = "".join("\\" + c if c in _ESCAPED_IN_QUOTES else c for c in arg)
        quoted = f'"{inner}"'
    return quoted.replace("\\", "\\\\").replace("%", "%%")


def desktop_entry(command: list[str]) -> str:
    """The ``frontline-atlas.desktop`` text that starts ``command`` with the chosen files."""
    mime_types = "".join(f"{t.mime};" for t in FILE_TYPES)
    exec_line = " ".join(exec_quote(a) for a in command)
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        f"Name={APP_NAME}",
        "GenericName=Front-line map viewer",
        "Comment=Compare dated front-line maps offline: km² gained and lost, regions, printing",
        f"Exec={exec_line} %F",
        f"TryExec={exec_quote(command[0])}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "StartupNotify=true",
        "Categories=Science;Geography;Maps;",
        f"MimeType={mime_types}",
        "Keywords=map;front line;territory;ISW;DeepState;GeoJSON;shapefile;KML;GeoPackage;",
    ]
    return "\n".join(lines) + "\n"


def mime_package() -> str:
    """The shared-mime-info XML defining the types no standard database entry covers."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">',
    ]
    for file_type in FILE_TYPES:
        if not file_type.define:
            continue
        out.append(f"  <mime-type type={quoteattr(file_type.mime)}>")
        out.append(f"    <comment>{escape(file_type.description)}</comment>")
        if file_type.parent:
            out.append(f"    <sub-class-of type={quoteattr(file_type.parent)}/>")
        if file_type.own:
            out.append(f"    <icon name={quoteattr(APP_ID)}/>")
        out.extend(f'    <glob pattern="*.{ext}"/>' for ext in file_type.extensions)
        out.append("  </mime-type>")
    out.append("</mime-info>")
    return "\n".join(out) + "\n"
