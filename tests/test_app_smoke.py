"""The app starts on the sample library and lists its documents."""

from __future__ import annotations

from conftest import SAMPLES
from textual.widgets import OptionList

from hltui.cli import build_app
from hltui.config import load_config


async def test_app_lists_sample_documents() -> None:
    app = build_app(SAMPLES, load_config())
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        options = app.screen.query_one("#documents", OptionList)
        assert options.option_count == 15
        assert "15 documents" in app.sub_title
        await pilot.press("q")
    assert app.return_code == 0
