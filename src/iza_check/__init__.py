"""iza-check: checks zelfregie- en herstelinitiatieven against the IZA kenmerken."""

__version__ = "0.1.0"
