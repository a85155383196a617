"""Every action a key, the palette or the help screen can name, declared once each."""

from hltui.tui.commands.command import Command, bindings, guards, palette_commands
from hltui.tui.commands.library import LIBRARY_COMMANDS
from hltui.tui.commands.review import REVIEW_COMMANDS

__all__ = ["LIBRARY_COMMANDS", "REVIEW_COMMANDS", "Command", "bindings", "guards", "palette_commands"]
