"""Command-line entry point."""

from __future__ import annotations

import click

from iza_check import __version__


@click.group()
@click.version_option(__version__, prog_name="iza-check")
def main() -> None:
    """iza-check: toetst zelfregie- en herstelinitiatieven aan de IZA-kenmerken."""
