"""The Textual app: the App, its screens, widgets, palette commands and stylesheet."""
