"""Stable exit codes, documented in the README and in ``--help``."""

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INVALID_INPUT = 2
# A stop by SIGTERM (a CI job cancelled, `kill`, a container stopping): 128 + 15, as a shell reports it.
EXIT_TERMINATED = 143

# The exception and its handler live in iza_check.stop (the checker's pool needs them too).
