"""`iza-check init` end to end: typed answers in, a profile file (or a clear refusal) out."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from iza_check.cli.main import main
from iza_check.profile import model as pm
from iza_check.profile.loader import load_profile
from iza_check.questionnaire.session import Questionnaire

REPO = Path(__file__).resolve().parents[2]
STARTER = REPO / "profiles" / "starter-vrijwilligers.yaml"
PLENTY_OF_ENTERS = "\n" * 600
TARGET_DATE = (dt.date.today() + dt.timedelta(days=400)).isoformat()


def typed(answers: dict[str, list[str]], existing: pm.Profile | None = None, lang: str = "nl",
          **scope: Any) -> str:
    """The exact lines a person types to give ``answers`` (keyed by field), Enter everywhere else.

    The questionnaire itself tells which question comes next, so the script stays right when the
    catalogue grows; the CLI then gets these lines as plain keyboard input. ``scope`` narrows the
    questions as ``init --update`` does (``sections``, ``only_open`` with ``gaps``).
    """
    queues = {key: list(values) for key, values in answers.items()}
    lines: list[str] = []
    questionnaire = Questionnaire(lambda prompt: "", lambda line: None, lang, existing,  # type: ignore[arg-type]
                                  **scope)

    def ask(prompt: str) -> str:
        queue = queues.get(questionnaire.current)
        line = queue.pop(0) if queue else ""
        lines.append(line)
        return line

    questionnaire.ask = ask
    questionnaire.run()
    assert not any(queues.values()), f"never asked: {queues}"
    return "\n".join(lines) + "\n"


def init(*args: str, input: str | None = None) -> Result:
    result = CliRunner().invoke(main, ["init", *args], input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


EVERY_KIND = {
    "initiatief.naam": ["", "Herstelplek De Kiem"],                         # free text, required
    "initiatief.organisatievorm": ["9", "1"],                                # choice from a numbered list
    "initiatief.opgericht": ["twintig", "2024"],                             # integer with bounds
    "initiatief.website": ["dekiem", "www.dekiem.example"],                  # web address
    "initiatief.door_en_voor": ["1,3"],                                      # multiple choice
    "toegang.indicatie_nodig": ["misschien", "nee"],                         # yes/no
    "toegang.verwijzing_nodig": ["weet ik niet"],                            # don't know
    "toegang.inloop_zonder_afspraak": ["j"],
    "toegang.dagdelen_open_per_week": ["30", "4"],
    "aanbod": ["ja"],                                                        # repeated items
    "aanbod.naam": ["Lotgenotengroep Somberheid", "Inloop"],
    "aanbod.soort": ["16", "1"],
    "aanbod.methode": ["6"],
    "aanbod.nog_een": ["ja", "nee"],
    "team.fte": ["0,5"],                                                     # decimal number
    "kwaliteit.klachtenprocedure.aanwezig": ["gepland"],                     # planned, with step and date
    "kwaliteit.klachtenprocedure.aanwezig.stap": ["Klachtenregeling van De Brug als voorbeeld gebruiken"],
    "kwaliteit.klachtenprocedure.aanwezig.streefdatum": ["2020-02-30", "2099-01-01", TARGET_DATE],
    "kwaliteit.rie.uitgevoerd": ["ja"],
    "kwaliteit.rie.datum": ["eind 2024", "31-12-2024"],                     # date, as people write it
    "bereik.bezoekers_per_jaar": ["60"],
}


def test_a_new_profile_from_typed_answers(tmp_path: Path) -> None:
    target = tmp_path / "kiem.yaml"
    result = init(str(target), input=typed(EVERY_KIND))
    assert result.exit_code == 0, result.output
    assert "1. Wat is de naam van het initiatief?" in result.output
    for message in ("Dit antwoord is nodig", "Typ een nummer van 1 tot en met 7.", "Typ een heel getal",
                    "Dat is geen geldig webadres", "Dat begrijp ik niet. Typ ja of nee",
                    "Het getal mag niet groter zijn dan 21.", "Die datum bestaat niet",
                    "Kies een streefdatum binnen tien jaar", "Dat kan ik niet als datum lezen",
                    "Begrepen als 31 december 2024."):
        assert message in result.output, message
    assert f"Opgeslagen: {target}" in result.output
    assert f"iza-check check {target}" in result.output

    text = target.read_text(encoding="utf-8")
    # Outside a project with the schema no reference would survive a move, so none is written.
    assert "yaml-language-server" not in text and "file://" not in text
    assert "# --- Voor wie? Hoe makkelijk kan iemand meedoen (kenmerk 1) ---" in text
    profile = load_profile(target).profile
    data = profile.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    assert data["initiatief"] == {
        "naam": "Herstelplek De Kiem", "organisatievorm": "stichting", "opgericht": 2024,
        "website": "https://www.dekiem.example/",
        "door_en_voor": ["psychische_kwetsbaarheid", "sociaal_emotionele_kwetsbaarheid"],
    }
    assert data["toegang"] == {"indicatie_nodig": False, "inloop_zonder_afspraak": True, "dagdelen_open_per_week": 4}
    assert data["aanbod"] == [
        {"naam": "Lotgenotengroep Somberheid", "soort": "lotgenotengroep", "methode": "geen"},
        {"naam": "Inloop", "soort": "inloop"},
    ]
    assert data["team"] == {"fte": 0.5}
    assert data["kwaliteit"] == {
        "klachtenprocedure": {"aanwezig": False},
        "rie": {"uitgevoerd": True, "datum": "2024-12-31"},
        "in_ontwikkeling": [{"betreft": ["Q1"], "stap": "Klachtenregeling van De Brug als voorbeeld gebruiken",
                             "streefdatum": TARGET_DATE}],
    }
    assert data["bereik"] == {"bezoekers_per_jaar": 60}


def test_the_default_file_is_profiel_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = init(input="De Kiem\n" + PLENTY_OF_ENTERS)
    assert result.exit_code == 0, result.output
    assert load_profile(tmp_path / "profiel.yaml").profile == pm.Profile.model_validate(
        {"initiatief": {"naam": "De Kiem"}}
    )


def test_ctrl_d_stops_without_writing_the_profile_and_keeps_the_answers(tmp_path: Path) -> None:
    target = tmp_path / "kiem.yaml"
    result = init(str(target), input="De Kiem\nHengelo\n")
    assert result.exit_code == 2
    draft = tmp_path / "kiem.yaml.concept"
    assert f"Gestopt. Uw antwoorden tot nu toe zijn bewaard in {draft}." in result.output
    assert not target.exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["kiem.yaml.concept"]


def test_ctrl_d_before_any_answer_leaves_nothing(tmp_path: Path) -> None:
    result = init(str(tmp_path / "kiem.yaml"), input="")
    assert result.exit_code == 2
    assert "Gestopt. Er was nog niets ingevuld, dus er is niets opgeslagen." in result.output
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_refused_before_the_first_question(tmp_path: Path) -> None:
    target = tmp_path / "kiem.yaml"
    target.write_text("# mijn eigen aantekeningen\n", encoding="utf-8")
    result = init(str(target), input="De Kiem\n" + PLENTY_OF_ENTERS)
    assert result.exit_code == 2
    assert f"{target} bestaat al" in result.output
    assert "--force" in result.output
    assert "Wat is de naam" not in result.output
    assert target.read_text(encoding="utf-8") == "# mijn eigen aantekeningen\n"


def test_force_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "kiem.yaml"
    target.write_text("# oud\n", encoding="utf-8")
    result = init(str(target), "--force", input="De Kiem\n" + PLENTY_OF_ENTERS)
    assert result.exit_code == 0, result.output
    assert load_profile(target).profile.initiatief.naam == "De Kiem"


def test_update_keeps_everything_the_profile_already_says(tmp_path: Path) -> None:
    source = tmp_path / "oud.yaml"
    shutil.copy(STARTER, source)
    target = tmp_path / "nieuw.yaml"
    result = init("--update", str(source), str(target), input=PLENTY_OF_ENTERS)
    assert result.exit_code == 0, result.output
    assert "[Enter = Herstelplek De Kiem]" in result.output
    assert load_profile(target).profile == load_profile(STARTER).profile
    assert source.read_bytes() == STARTER.read_bytes()


def test_update_in_place_needs_force_and_changes_only_the_answers(tmp_path: Path) -> None:
    source = tmp_path / "kiem.yaml"
    shutil.copy(STARTER, source)
    refused = init("--update", str(source), input=PLENTY_OF_ENTERS)
    assert refused.exit_code == 2
    assert "bestaat al" in refused.output

    original = load_profile(STARTER).profile
    answers = {"samenwerking.crisisafspraken_113": ["ja"], "team.vrijwilligers": ["14"]}
    result = init("--update", str(source), "--force", input=typed(answers, existing=original))
    assert result.exit_code == 0, result.output
    updated = load_profile(source).profile
    assert updated.samenwerking is not None and updated.samenwerking.crisisafspraken_113 is True
    assert updated.team is not None and updated.team.vrijwilligers == 14
    assert updated.kwaliteit == original.kwaliteit
    assert updated.aanbod == original.aanbod
    assert updated.werkwijze == original.werkwijze


def test_update_of_a_broken_profile_names_file_line_and_column(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.yaml"
    broken.write_text("initiatief:\n  naam: De Kiem\n  gemeente: Hengelo\ntoegang:\n  inloop: ja\n", encoding="utf-8")
    result = init("--update", str(broken), str(tmp_path / "nieuw.yaml"), input=PLENTY_OF_ENTERS)
    assert result.exit_code == 2
    assert f"{broken}:5:" in result.output
    assert "kan niet worden bijgewerkt" in result.output
    assert not (tmp_path / "nieuw.yaml").exists()


def test_update_of_a_missing_file(tmp_path: Path) -> None:
    result = init("--update", str(tmp_path / "weg.yaml"), str(tmp_path / "nieuw.yaml"), input=PLENTY_OF_ENTERS)
    assert result.exit_code == 2
    assert "er is niets om bij te werken" in result.output


def test_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    result = init(str(tmp_path / "nergens" / "kiem.yaml"), input=PLENTY_OF_ENTERS)
    assert result.exit_code == 2
    assert "bestaat niet" in result.output


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    result = init(str(tmp_path), input=PLENTY_OF_ENTERS)
    assert result.exit_code == 2
    assert "is een map, geen bestand" in result.output


def test_english(tmp_path: Path) -> None:
    target = tmp_path / "kiem.yaml"
    answers = {"initiatief.naam": ["De Kiem"], "toegang.naasten_welkom": ["maybe", "yes"]}
    result = init(str(target), "--lang", "en", input=typed(answers, lang="en"))
    assert result.exit_code == 0, result.output
    assert "What is the name of the initiative?" in result.output
    assert "I don't understand." in result.output
    assert f"Saved: {target}" in result.output
    profile = load_profile(target).profile
    assert profile.toegang is not None and profile.toegang.naasten_welkom is True


def test_init_is_listed_in_help() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert "init" in result.output
    result = CliRunner().invoke(main, ["init", "--help"])
    assert result.exit_code == 0
    assert "--update" in result.output and "--force" in result.output and "--lang" in result.output


def test_target_dates_are_in_the_future(tmp_path: Path) -> None:
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    answers = {
        "initiatief.naam": ["De Kiem"],
        "werkwijze.intervisie": ["g"],
        "werkwijze.intervisie.stap": ["Elke maand intervisie"],
        "werkwijze.intervisie.streefdatum": [yesterday, ""],
    }
    result = init(str(tmp_path / "kiem.yaml"), input=typed(answers))
    assert result.exit_code == 0, result.output
    assert "Een streefdatum ligt in de toekomst" in result.output
    plan = load_profile(tmp_path / "kiem.yaml").profile.werkwijze.in_ontwikkeling[0]  # type: ignore[union-attr]
    assert plan.betreft == ["K8", "Q7"] and plan.streefdatum is not None and plan.streefdatum > dt.date.today()
