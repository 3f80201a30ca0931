"""Report UI strings in Dutch (default) and English."""

from iza_check.i18n.catalogue import DEFAULT_LANG, HELP_CONTACTS, LANGS, format_date, has, keys, source_title, t
from iza_check.i18n.text import Text

__all__ = ["DEFAULT_LANG", "HELP_CONTACTS", "LANGS", "Text", "format_date", "has", "keys", "source_title", "t"]
