"""Stable exit codes, documented in the README and in ``--help``."""

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INVALID_INPUT = 2
