"""A program run in a pseudo-terminal, timed by what it paints: when a text first shows, when it exits."""

from __future__ import annotations

import codecs
import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import termios
import time
from collections.abc import Mapping, Sequence

# CSI (cursor moves, colours, private modes), OSC (titles, clipboard), and the two-byte escapes.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")
_KEPT_TAIL = 4096  # characters kept between reads, so a text split over two reads is still found
ENTER = b"\r"
CTRL_Q = b"\x11"  # Textual's own quit key


class ProgramExited(RuntimeError):
    """The program ended before showing what was awaited."""


class TerminalSession:
    """One program on a pseudo-terminal of a fixed size, its output read and searched as it comes."""

    def __init__(self, command: Sequence[str], environment: Mapping[str, str], columns: int = 120, rows: int = 40):
        controller, terminal = pty.openpty()
        fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(command),
            stdin=terminal,
            stdout=terminal,
            stderr=terminal,
            env=dict(environment, TERM="xterm-256color", COLUMNS=str(columns), LINES=str(rows)),
            start_new_session=True,
        )
        os.close(terminal)
        self._controller = controller
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._tail = ""

    def _read(self, timeout: float) -> str | None:
        """What the program wrote within timeout ('' if nothing), None once its terminal is closed."""
        ready, _, _ = select.select([self._controller], [], [], timeout)
        if not ready:
            return ""
        try:
            chunk = os.read(self._controller, 1 << 16)
        except OSError:  # EIO: every copy of the terminal side is closed
            return None
        return self._decoder.decode(chunk) if chunk else None

    def wait_for(self, text: str, timeout: float) -> float:
        """The moment (perf_counter) text first shows in the output after this call; raise on timeout or exit."""
        deadline = time.perf_counter() + timeout
        self._tail = ""
        while (remaining := deadline - time.perf_counter()) > 0:
            output = self._read(min(remaining, 0.25))
            seen_at = time.perf_counter()
            if output is None:
                raise ProgramExited(f"the program exited (status {self.process.wait()}) before showing {text!r}")
            if not output:
                continue
            self._tail = (self._tail + output)[-(len(output) + _KEPT_TAIL) :]
            if text in _ESCAPES.sub("", self._tail):
                self._tail = ""
                return seen_at
        raise TimeoutError(f"{text!r} not on screen after {timeout:.0f} s")

    def send(self, keys: bytes) -> float:
        """Type keys, after dropping what was painted before (so a later wait sees only what they cause)."""
        while (output := self._read(0)) is not None and output:
            pass
        os.write(self._controller, keys)
        return time.perf_counter()

    def wait_exit(self, timeout: float) -> float:
        """The moment the program exited (its output drained meanwhile); raise on timeout."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self._read(0.01) is None or self.process.poll() is not None:
                self.process.wait()
                return time.perf_counter()
        raise TimeoutError(f"still running {timeout:.0f} s after being asked to quit")

    def memory_kib(self) -> tuple[int, int]:
        """The program's resident set now and at its peak (VmRSS, VmHWM), in KiB."""
        fields: dict[str, int] = {}
        with open(f"/proc/{self.process.pid}/status", encoding="ascii") as status:
            for line in status:
                name, _, value = line.partition(":")
                if name in ("VmRSS", "VmHWM"):
                    fields[name] = int(value.split()[0])
        return fields["VmRSS"], fields["VmHWM"]

    def close(self) -> None:
        """Ask the program to stop (ctrl+q, then SIGKILL after a second) and release the terminal."""
        if self.process.poll() is None:
            try:
                self.send(CTRL_Q)
                self.wait_exit(1.0)
            except (OSError, TimeoutError):
                self.process.kill()
                self.process.wait()
        os.close(self._controller)

    def __enter__(self) -> TerminalSession:
        return self

    def __exit__(self, *exception: object) -> None:
        self.close()
