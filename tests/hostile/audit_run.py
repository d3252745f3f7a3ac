"""Run the typegen CLI (or import modules) under an audit hook that fails on network, process spawning, and
file writes outside the allowed root. Usage: audit_run.py ALLOWED_ROOT (cli ARGS... | import MODULES...)."""

from __future__ import annotations

import os
import sys

ALLOWED = os.path.realpath(sys.argv[1])
FORBIDDEN_EVENTS = {"socket.connect", "socket.getaddrinfo", "urllib.Request", "subprocess.Popen", "os.system",
                    "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty", "ctypes.dlopen"}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def _hook(event: str, args: tuple[object, ...]) -> None:
    if event in FORBIDDEN_EVENTS:
        raise RuntimeError(f"audit: forbidden event {event} {args!r}")
    if event == "open" and args and isinstance(args[0], str | bytes):
        path = os.path.realpath(os.fsdecode(args[0]))
        mode = args[1] if len(args) > 1 else "r"
        flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or bool(flags & _WRITE_FLAGS)
        if writing and not (path == ALLOWED or path.startswith(ALLOWED + os.sep)):
            raise RuntimeError(f"audit: write outside the allowed root: {path}")
        if path.startswith(("/etc/passwd", "/etc/hostname", "/etc/shadow")):
            raise RuntimeError(f"audit: read of {path}")


sys.addaudithook(_hook)

if sys.argv[2] == "cli":
    from generator.cli import main

    sys.exit(main(sys.argv[3:]))
else:
    import importlib
    import json

    from typing_extensions import is_typeddict

    keys: dict[str, list[str]] = {}
    for name in sys.argv[3:]:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if is_typeddict(value) and getattr(value, "__module__", "") == name:
                keys[f"{name}.{attr}"] = sorted(value.__required_keys__ | value.__optional_keys__)
    print(json.dumps(keys))
