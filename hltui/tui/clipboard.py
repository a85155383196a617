"""Copying text where the user is: OSC 52 (via Textual), tmux's buffer, the native tool."""

from __future__ import annotations

import os
import platform as platform_module
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping

Which = Callable[[str], str | None]
_TIMEOUT_SECONDS = 2.0


def native_copy_commands(environment: Mapping[str, str], platform: str, which: Which = shutil.which) -> list[list[str]]:
    """Clipboard programs that can work in this session, most specific first."""
    candidates: list[list[str]] = []
    if platform == "darwin":
        candidates.append(["pbcopy"])
    if environment.get("WAYLAND_DISPLAY"):
        candidates.append(["wl-copy"])
    if environment.get("DISPLAY"):
        candidates += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    if platform == "win32" or _is_wsl():
        candidates.append(["clip.exe"])
    return [command for command in candidates if which(command[0])]


def _is_wsl() -> bool:
    """Linux under Windows (WSL), where `clip.exe` reaches the Windows clipboard."""
    return "microsoft" in platform_module.uname().release.lower()


def tmux_command(environment: Mapping[str, str], which: Which = shutil.which) -> list[str] | None:
    """Inside tmux, `load-buffer -w` fills tmux's buffer and forwards it to the outer terminal."""
    if environment.get("TMUX") and which("tmux"):
        return ["tmux", "load-buffer", "-w", "-"]
    return None


def copy_outside_terminal(text: str) -> list[str]:
    """Run tmux and the native clipboard tool (never through a shell); names of those that worked."""
    commands = native_copy_commands(os.environ, sys.platform)
    tmux = tmux_command(os.environ)
    if tmux is not None:
        commands.insert(0, tmux)
    return [command[0] for command in commands if _run(command, text)]


def _run(command: list[str], text: str) -> bool:
    try:
        completed = subprocess.run(
            command, input=text.encode("utf-8"), capture_output=True, timeout=_TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return completed.returncode == 0
