"""Screens of the hltui app, one module each."""
