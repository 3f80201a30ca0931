"""``python -m iza_check``: the same as the ``iza-check`` command."""

from iza_check.cli.main import main

main(prog_name="iza-check")
