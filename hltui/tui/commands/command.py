"""One declaration per action: its keys, its words, and when it cannot run."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from textual.binding import Binding, BindingType

# Why an action cannot run on this screen now, or None when it can.
Guard = Callable[[Any], str | None]


@dataclass(frozen=True, slots=True)
class Command:
    """A user action: its binding, footer label, help line, palette title and guard all come from here."""

    id: str  # the binding's id, which a `[keymap]` table in the config remaps
    keys: str  # the default keys, comma-separated, as Textual names them; "" for the palette only
    action: str  # the screen's `action_<name>`, with arguments when it takes any: `sidebar_width(1)`
    label: str  # the footer's word
    help: str  # the help screen's line, the binding's tooltip and the palette's help
    palette: str | None = None  # the palette's title, when the palette offers it
    show: bool = True  # shown in the footer
    guard: Guard | None = None

    @property
    def name(self) -> str:
        """The action's name without arguments, as `check_action` is asked about it."""
        return self.action.partition("(")[0]

    @property
    def binding(self) -> Binding:
        """The Textual binding for the keys."""
        return Binding(self.keys, self.action, self.label, show=self.show, id=self.id, tooltip=self.help)


def bindings(commands: Iterable[Command]) -> list[BindingType]:
    """A screen's `BINDINGS`, in the order of its commands (the footer's order)."""
    return [command.binding for command in commands if command.keys]


def palette_commands(commands: Iterable[Command]) -> list[Command]:
    """The commands the palette offers."""
    return [command for command in commands if command.palette]


def guards(commands: Iterable[Command]) -> dict[str, Guard]:
    """The guarded commands' guards by action name: what `check_action` and the footer ask."""
    return {command.name: command.guard for command in commands if command.guard is not None}
