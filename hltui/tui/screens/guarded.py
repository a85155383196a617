"""A screen whose commands carry guards: keys that cannot run are greyed out and say why when pressed."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import events
from textual.actions import parse as parse_action
from textual.screen import Screen

from hltui.tui.commands.command import Command, Guard

ResultType = TypeVar("ResultType")


class GuardedScreen(Screen[ResultType]):
    """Asks each command's guard before it runs, from a key, the footer or the palette."""

    # The guards by action name, from the screen's commands table (`guards(...)`).
    GUARDS: ClassVar[dict[str, Guard]] = {}

    def __init__(self) -> None:
        super().__init__()
        self._runnable: tuple[bool, ...] = ()

    def why_not(self, action: str) -> str | None:
        """Why an action cannot run right now, or None when it can."""
        guard = self.GUARDS.get(action)
        return guard(self) if guard is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if self.why_not(action) else True

    def run_guarded(self, command: Command) -> None:
        """Run a command from the palette, or say why it cannot run, as its key would."""
        reason = self.why_not(command.name)
        if reason:
            self.notify(reason, severity="warning", markup=False)
        else:
            _, name, arguments = parse_action(command.action)
            getattr(self, f"action_{name}")(*arguments)

    def on_key(self, event: events.Key) -> None:
        """A greyed-out key was pressed: say why it cannot act."""
        active = self.active_bindings.get(event.key)
        if active is None or active.enabled:
            return
        reason = self.why_not(active.binding.action.partition("(")[0])
        if reason:
            event.stop()
            self.notify(reason, severity="warning", markup=False)

    def refresh_footer_if_needed(self) -> None:
        """Redraw the footer only when a key became usable or unusable.

        A footer redraw re-lays out the screen, which costs a lot with a thousand highlights shown.
        """
        runnable = tuple(self.why_not(action) is None for action in self.GUARDS)
        if runnable != self._runnable:
            self._runnable = runnable
            self.refresh_bindings()
