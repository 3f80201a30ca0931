"""`iza-check init --update` keeps everything it does not change, and never loses an answer (issue 17).

Comments, key order, explicit empties, ``geen_cao: false``, symbolic links, edits made while the questions
run, and answers that cannot be saved: each has a test here.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from test_init_cli import (
    typed,  # the typed lines for given answers, Enter everywhere else
)

from iza_check.cli import init_cmd
from iza_check.cli.main import main
from iza_check.profile import model as pm
from iza_check.profile.loader import load_profile

REPO = Path(__file__).resolve().parents[2]
STARTER = REPO / "profiles" / "starter-vrijwilligers.yaml"
ENTERS = "\n" * 800


def update(path: Path, *extra: str, input: str = ENTERS) -> Result:
    result = CliRunner().invoke(main, ["init", "--update", str(path), *extra], input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def test_enter_everywhere_keeps_the_file_byte_for_byte(tmp_path: Path) -> None:
    profile = tmp_path / "kiem.yaml"
    shutil.copy(STARTER, profile)
    result = update(profile, "--force")
    assert result.exit_code == 0, result.output
    assert profile.read_bytes() == STARTER.read_bytes()


def test_an_answer_changes_its_line_and_nothing_else(tmp_path: Path) -> None:
    profile = tmp_path / "kiem.yaml"
    shutil.copy(STARTER, profile)
    original = load_profile(STARTER).profile
    before = STARTER.read_text(encoding="utf-8")
    assert len(comments(before)) >= 30
    result = update(profile, "--force", input=typed({
        "toegang.dagdelen_open_per_week": ["5"],                   # a changed value
        "toegang.eigen_bijdrage": ["weet ik niet"],                  # a removed one, with a comment above it
        "samenwerking.crisisafspraken_113": ["ja"],                  # changed, before a section heading
        "initiatief.website": ["www.dekiem.example"],                # a new one
    }, original))
    assert result.exit_code == 0, result.output
    after = profile.read_text(encoding="utf-8")
    assert comments(after) == comments(before)
    expected = (
        before.replace("  dagdelen_open_per_week: 2\n", "  dagdelen_open_per_week: 5\n")
        .replace("  eigen_bijdrage: vrijwillig\n", "")
        .replace("  crisisafspraken_113: false\n", "  crisisafspraken_113: true\n")
        .replace("  opgericht: 2025\n", '  opgericht: 2025\n  website: "https://www.dekiem.example/"\n')
    )
    assert after == expected
    updated = load_profile(profile).profile
    assert updated.toegang is not None and updated.toegang.dagdelen_open_per_week == 5
    assert updated.toegang.eigen_bijdrage is None
    assert updated.samenwerking is not None and updated.samenwerking.crisisafspraken_113 is True
    assert str(updated.initiatief.website) == "https://www.dekiem.example/"


def test_key_order_quoting_and_explicit_empties_stay(tmp_path: Path) -> None:
    profile = tmp_path / "eigen.yaml"
    text = (
        "# Mijn eigen volgorde.\n"
        "toegang:\n"
        "  naasten_welkom: true   # ook buren\n"
        "  indicatie_nodig: false\n"
        "  bewijs: []             # geen documenten\n"
        "initiatief:\n"
        "  regio: 'Súdwest-Fryslân'\n"
        "  naam: \"De Kiem\"\n"
        "aanbod: []\n"
        "kwaliteit:\n"
        "  geen_cao: false\n"
        "  in_ontwikkeling: []\n"
        "team:\n"
        "  betaalde_medewerkers: 2\n"
        "  fte: 0.0000001234567\n"
    )
    profile.write_text(text, encoding="utf-8")
    original = load_profile(profile).profile
    result = update(profile, "--force", input=typed({"toegang.verwijzing_nodig": ["nee"]}, original))
    assert result.exit_code == 0, result.output
    after = profile.read_text(encoding="utf-8")
    assert after == text.replace("  indicatie_nodig: false\n", "  indicatie_nodig: false\n  verwijzing_nodig: false\n")
    updated = load_profile(profile).profile
    assert updated.kwaliteit is not None and updated.kwaliteit.geen_cao is False  # Q4 stays deels, not onbekend
    assert updated.team is not None and updated.team.fte == 0.0000001234567


def test_enter_keeps_geen_cao_false(tmp_path: Path) -> None:
    profile = tmp_path / "cao.yaml"
    profile.write_text("initiatief:\n  naam: De Kiem\nteam:\n  betaalde_medewerkers: 3\nkwaliteit:\n"
                       "  geen_cao: false\n", encoding="utf-8")
    result = update(profile, "--force")
    assert result.exit_code == 0, result.output
    assert "[Enter = er geldt een cao, naam niet ingevuld]" in result.output
    kwaliteit = load_profile(profile).profile.kwaliteit
    assert kwaliteit is not None and kwaliteit.geen_cao is False and kwaliteit.cao is None


def test_a_link_stays_a_link_and_its_file_is_updated(tmp_path: Path) -> None:
    real = tmp_path / "echt" / "kiem.yaml"
    real.parent.mkdir()
    shutil.copy(STARTER, real)
    link = tmp_path / "kiem.yaml"
    link.symlink_to(Path("echt") / "kiem.yaml")
    original = load_profile(STARTER).profile
    result = update(link, "--force", input=typed({"team.vrijwilligers": ["14"]}, original))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == str(Path("echt") / "kiem.yaml")
    team = load_profile(real).profile.team
    assert team is not None and team.vrijwilligers == 14
    assert sorted(p.name for p in real.parent.iterdir()) == ["kiem.yaml"]


def test_an_edit_made_while_the_questions_run_is_not_overwritten(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    profile = tmp_path / "kiem.yaml"
    shutil.copy(STARTER, profile)
    edited = STARTER.read_text(encoding="utf-8").replace("gemeente: Hengelo", "gemeente: Enschede")
    asked = iter(range(10_000))

    def ask(prompt: str) -> str:
        if next(asked) == 3:  # someone saves the file in an editor meanwhile
            profile.write_text(edited, encoding="utf-8")
        return input(prompt)

    monkeypatch.setattr(init_cmd, "_ask", ask)
    original = load_profile(STARTER).profile
    result = update(profile, "--force", input=typed({"team.vrijwilligers": ["14"]}, original))
    assert result.exit_code == 2
    assert "is veranderd terwijl de vragen liepen" in result.output
    assert profile.read_text(encoding="utf-8") == edited
    side = tmp_path / "kiem.yaml.antwoorden"
    assert f"Uw antwoorden zijn bewaard in {side}" in result.output
    kept = load_profile(side).profile
    assert kept.team is not None and kept.team.vrijwilligers == 14
    assert kept.initiatief.gemeente == "Hengelo"


def test_answers_that_do_not_validate_at_the_end_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    profile = tmp_path / "kiem.yaml"
    shutil.copy(STARTER, profile)
    validate = pm.Profile.model_validate.__func__  # type: ignore[attr-defined]

    def spoil(cls: type[pm.Profile], data: Any, **kwargs: Any) -> pm.Profile:
        if isinstance(data, dict) and isinstance(data.get("team"), dict) and data["team"].get("vrijwilligers") == 14:
            data["team"]["fte"] = -1.0  # what a value failing only at the very end looks like
        return validate(cls, data, **kwargs)

    original = load_profile(STARTER).profile
    script = typed({"team.vrijwilligers": ["14"]}, original)
    monkeypatch.setattr(pm.Profile, "model_validate", classmethod(spoil))
    result = update(profile, "--force", input=script)
    assert result.exit_code == 2
    assert "De antwoorden samen vormen geen geldig profiel" in result.output
    side = tmp_path / "kiem.yaml.antwoorden"
    assert f"{side}:" in result.output and "team.fte" in result.output  # located in the kept answers
    assert profile.read_bytes() == STARTER.read_bytes()
    assert "vrijwilligers: 14" in side.read_text(encoding="utf-8")


def test_a_failed_save_keeps_the_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from iza_check.profile import writer

    profile = tmp_path / "kiem.yaml"
    shutil.copy(STARTER, profile)
    (tmp_path / "kiem.yaml.antwoorden").write_text("# een eerder bewaard antwoord\n", encoding="utf-8")

    def full(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer, "_write_checked", full)
    original = load_profile(STARTER).profile
    result = update(profile, "--force", input=typed({"team.vrijwilligers": ["14"]}, original))
    assert result.exit_code == 2
    assert "kon niet worden opgeslagen: No space left on device" in result.output
    assert (tmp_path / "kiem.yaml.antwoorden").read_text(encoding="utf-8") == "# een eerder bewaard antwoord\n"
    kept = load_profile(tmp_path / "kiem.yaml.antwoorden-2").profile
    assert kept.team is not None and kept.team.vrijwilligers == 14
    assert profile.read_bytes() == STARTER.read_bytes()


def test_update_into_another_file_keeps_the_comments(tmp_path: Path) -> None:
    target = tmp_path / "nieuw.yaml"
    result = CliRunner().invoke(main, ["init", "--update", str(STARTER), str(target)], input=ENTERS)
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == STARTER.read_bytes()


def test_crlf_and_bom_stay(tmp_path: Path) -> None:
    profile = tmp_path / "dos.yaml"
    profile.write_bytes(b"\xef\xbb\xbfinitiatief:\r\n  naam: De Kiem  # naam\r\ntoegang:\r\n  naasten_welkom: true\r\n")
    result = update(profile, "--force", input=typed({"toegang.naasten_welkom": ["nee"]},
                                                    load_profile(profile).profile))
    assert result.exit_code == 0, result.output
    assert profile.read_bytes() == (
        b"\xef\xbb\xbfinitiatief:\r\n  naam: De Kiem  # naam\r\ntoegang:\r\n  naasten_welkom: false\r\n"
    )


def test_a_value_shared_through_an_anchor_changes_only_where_it_was_answered(tmp_path: Path) -> None:
    from iza_check.profile.writer import Snapshot, write_updated_profile

    profile = tmp_path / "ankers.yaml"
    shutil.copy(REPO / "tests" / "fixtures" / "valid" / "anchors.yaml", profile)
    before = load_profile(profile).profile
    data = before.model_dump(exclude_unset=True, exclude_none=True)
    data["kwaliteit"]["privacyregeling"]["aanwezig"] = False
    data["aanbod"][1]["door_en_voor"] = False
    after = pm.Profile.model_validate(data)
    write_updated_profile(after, profile, source=Snapshot.take(profile, profile.read_bytes()), before=before,
                          force=True)
    written = load_profile(profile).profile
    assert written == after
    assert written.kwaliteit is not None and written.kwaliteit.klachtenprocedure is not None
    assert written.kwaliteit.klachtenprocedure.aanwezig is True
    assert written.aanbod is not None and written.aanbod[0].door_en_voor is True
    assert "# Ankers en merge-sleutels" in profile.read_text(encoding="utf-8")
