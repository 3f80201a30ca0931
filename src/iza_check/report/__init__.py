"""Reporters: one module per format, registered by name in :mod:`iza_check.report.registry`."""
