"""Two rounds of applications for the ``diff OLD_DIR NEW_DIR`` tests, made from the example profiles.

``ronde-2025`` and ``ronde-2026`` each hold a handful of initiatives, arranged so that every kind of outcome
shows once:

- Herstelplek De Kiem: ``de-kiem.yaml``, next round ``aanvragen/kiem-2026.yaml`` (another path, the same name and
  gemeente): K1, K3 and Q2 improved, Q6 regressed, a plan past its target date (Q10) — *regressed*;
- Herstelcafé Nieuwegein: the empty example, next round with facts about how it works and the gemeente written
  ``NIEUWEGEIN `` (case and spacing do not matter) — *improved*;
- Zelfregiecentrum De Brug: the same in both — *unchanged*;
- Naastenhuis Zeist without a gemeente, so matched by its path ``naasten.yaml`` — *unchanged*;
- Koffiehoek De Schakel only in 2025 — *gone*; Herstelacademie Twente only in 2026 — *new*.
"""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PROFILES = REPO / "profiles"
VERSIES = REPO / "tests" / "fixtures" / "versies"

# What the board filled in after its December meeting: how the café works (K5, K6 and more become known).
_WERKWIJZE = """
werkwijze:
  clientdossier: false
  diagnoses_geregistreerd: false
  aanspreekvorm: bezoeker
  peer_support: true
  hierarchie_helper_geholpene: false
"""


def _copy(source: Path, target: Path, *, replace: tuple[str, str] | None = None, append: str = "") -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    text = source.read_text(encoding="utf-8")
    if replace is not None:
        assert replace[0] in text, (source, replace[0])
        text = text.replace(replace[0], replace[1])
    target.write_text(text + append, encoding="utf-8")


def make_rounds(base: Path) -> tuple[Path, Path]:
    """Writes ``base/ronde-2025`` and ``base/ronde-2026``; returns them."""
    old, new = base / "ronde-2025", base / "ronde-2026"
    for folder in (old, new):
        if folder.exists():
            shutil.rmtree(folder)
    no_gemeente = ("  gemeente: Zeist\n", "")
    _copy(VERSIES / "de-kiem-2025.yaml", old / "de-kiem.yaml")
    _copy(VERSIES / "de-kiem-2026.yaml", new / "aanvragen" / "kiem-2026.yaml")
    _copy(PROFILES / "onvolledig-profiel.yaml", old / "herstelcafe.yaml")
    _copy(
        PROFILES / "onvolledig-profiel.yaml",
        new / "herstelcafe.yaml",
        replace=("  gemeente: Nieuwegein\n", "  gemeente: 'NIEUWEGEIN '\n"),
        append=_WERKWIJZE,
    )
    for folder in (old, new):
        _copy(PROFILES / "zelfregiecentrum-de-brug.yaml", folder / "de-brug.yaml")
        _copy(PROFILES / "naasten-steunpunt.yaml", folder / "naasten.yaml", replace=no_gemeente)
    _copy(PROFILES / "inloop-koffie-welzijn.yaml", old / "koffiehoek.yaml")
    _copy(PROFILES / "herstelacademie-ggz.yaml", new / "herstelacademie.yaml")
    return old, new
