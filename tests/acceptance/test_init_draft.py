"""`iza-check init` keeps the answers as it goes, and an update can stay small.

Ctrl-C (simulated by the input function raising KeyboardInterrupt, as a terminal does) asks before stopping;
the answers so far are in ``<profile>.concept``, and the next ``init`` for the same file goes on where it
stopped. ``--sectie`` and ``--alleen-open`` narrow an update to one part, or to what is still open and the
plans for gaps.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from test_init_cli import (
    typed,  # the typed lines for given answers, Enter everywhere else
)

from iza_check.cli import init_cmd
from iza_check.cli.main import main
from iza_check.profile import draft as draft_module
from iza_check.profile.discovery import iter_profile_files
from iza_check.profile.loader import load_profile
from iza_check.questionnaire.questions import SECTION_KEYS

REPO = Path(__file__).resolve().parents[2]
STARTER = REPO / "profiles" / "starter-vrijwilligers.yaml"
ENTERS = "\n" * 800


class Keys:
    """Keys pressed at each prompt, in order: a text is typed, an exception class is that key (Ctrl-C as
    KeyboardInterrupt, Ctrl-D as EOFError). When they run out: Enter, or ``end`` when given."""

    def __init__(self, *keys: Any, end: type[BaseException] | None = None) -> None:
        self.keys = list(keys)
        self.end = end
        self.prompts = 0

    def __call__(self, prompt: str) -> str:
        self.prompts += 1
        if not self.keys:
            if self.end is not None:
                raise self.end
            return ""
        key = self.keys.pop(0)
        if isinstance(key, type) and issubclass(key, BaseException):
            raise key
        return str(key)


def init(monkeypatch: pytest.MonkeyPatch, *args: str, keys: Keys | None = None, input: str | None = None) -> Result:
    if keys is not None:
        monkeypatch.setattr(init_cmd, "_ask", keys)
    result = CliRunner().invoke(main, ["init", *args], input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def answers_in(draft: Path) -> list[str]:
    return yaml.safe_load(draft.read_text(encoding="utf-8"))["antwoorden"]


# ------------------------------------------------------------------------------- stopping and resuming

def test_ctrl_c_asks_keeps_the_answers_and_the_next_init_goes_on_where_it_stopped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "kiem.yaml"
    draft = tmp_path / "kiem.yaml.concept"
    stopped = init(monkeypatch, str(target), keys=Keys("De Kiem", "Hengelo", KeyboardInterrupt, "j"))
    assert stopped.exit_code == 130
    assert f"Stoppen? Uw antwoorden tot nu toe zijn bewaard in {draft}. [j/N]" in stopped.output
    assert f"Gestopt. Uw antwoorden tot nu toe zijn bewaard in {draft}." in stopped.output
    assert "typ dezelfde opdracht nog eens" in stopped.output
    assert not target.exists()
    assert answers_in(draft) == ["De Kiem", "Hengelo"]
    # A draft is never read as a profile: `check DIR` and `validate DIR` look for *.yaml and *.yml only.
    assert not any(isinstance(found, Path) for found in iter_profile_files([tmp_path]))

    resumed = init(monkeypatch, str(target), keys=Keys("", "Twente"))
    assert resumed.exit_code == 0, resumed.output
    assert "Er is een concept van " in resumed.output and "Verder gaan waar u was? [J/n]" in resumed.output
    after = resumed.output[resumed.output.index("== Verder waar u was: Deel 1 van 9"):]
    assert after.splitlines()[1] == "3. In welke regio werkt het initiatief? (bijv. de naam van de centrumgemeente)"
    assert "Wat is de naam van het initiatief?" not in resumed.output
    initiatief = load_profile(target).profile.initiatief
    assert (initiatief.naam, initiatief.gemeente, initiatief.regio) == ("De Kiem", "Hengelo", "Twente")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["kiem.yaml"]  # the draft is gone


def test_ctrl_c_then_no_goes_on_and_a_second_ctrl_c_stops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = tmp_path / "kiem.yaml.concept"
    result = init(monkeypatch, str(tmp_path / "kiem.yaml"),
                  keys=Keys("De Kiem", KeyboardInterrupt, "n", "Hengelo", KeyboardInterrupt, KeyboardInterrupt))
    assert result.exit_code == 130
    assert "Dan gaan we verder." in result.output
    assert result.output.count("2. In welke gemeente is de (hoofd)locatie?") == 2
    assert answers_in(draft) == ["De Kiem", "Hengelo"]


def test_end_of_input_at_the_stop_question_quits_with_the_draft_kept(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    draft = tmp_path / "kiem.yaml.concept"
    result = init(monkeypatch, str(tmp_path / "kiem.yaml"), keys=Keys("De Kiem", KeyboardInterrupt, end=EOFError))
    assert result.exit_code == 130
    assert f"Gestopt. Uw antwoorden tot nu toe zijn bewaard in {draft}." in result.output
    assert answers_in(draft) == ["De Kiem"]


def test_ctrl_c_before_the_first_answer_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = init(monkeypatch, str(tmp_path / "kiem.yaml"), keys=Keys(KeyboardInterrupt, "j"))
    assert result.exit_code == 130
    assert "Stoppen? Er is nog niets ingevuld. [j/N]" in result.output
    assert list(tmp_path.iterdir()) == []


def test_a_resume_declined_starts_again_with_the_old_answers_kept_aside(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "kiem.yaml"
    init(monkeypatch, str(target), keys=Keys("De Kiem", "Hengelo", KeyboardInterrupt, "j"))
    result = init(monkeypatch, str(target), keys=Keys("misschien", "n", "De Linde"))
    assert result.exit_code == 0, result.output
    assert "Typ j (verder gaan) of n (opnieuw beginnen)." in result.output
    side = tmp_path / "kiem.yaml.antwoorden"
    assert f"U begint opnieuw. Het concept is niet weg: de antwoorden daaruit staan nu in {side}." in result.output
    assert load_profile(target).profile.initiatief.naam == "De Linde"
    kept = yaml.safe_load(side.read_text(encoding="utf-8"))
    assert kept["initiatief"] == {"naam": "De Kiem", "gemeente": "Hengelo"}
    assert not (tmp_path / "kiem.yaml.concept").exists()


def test_a_resume_goes_on_inside_an_activity_and_a_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "kiem.yaml"
    year = dt.date.today().year + 1
    answers = {
        "initiatief.naam": ["De Kiem"],
        "aanbod": ["ja"],
        "aanbod.naam": ["WRAP"],
        "aanbod.soort": ["11"],
        "werkwijze.intervisie": ["g"],
        "werkwijze.intervisie.stap": ["Elke maand intervisie met De Brug"],
        "werkwijze.intervisie.streefdatum": [f"1 maart {year}"],
    }
    lines = typed(answers).splitlines()
    whole = init(monkeypatch, str(tmp_path / "heel.yaml"), keys=Keys(*lines))
    assert whole.exit_code == 0, whole.output
    expected = load_profile(tmp_path / "heel.yaml").profile
    step = lines.index("Elke maand intervisie met De Brug")
    for cut in (lines.index("WRAP") + 1, step, step + 1):
        stopped = init(monkeypatch, str(target), keys=Keys(*lines[:cut], KeyboardInterrupt, "j"))
        assert stopped.exit_code == 130
        resumed = init(monkeypatch, str(target), keys=Keys("j", *lines[cut:]))
        assert resumed.exit_code == 0, resumed.output
        assert load_profile(target).profile == expected, cut
        target.unlink()


def test_a_draft_for_a_profile_changed_since_is_not_resumed_but_kept(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    profile = tmp_path / "kiem.yaml"
    shutil.copy(STARTER, profile)
    init(monkeypatch, "--update", str(profile), "--force", keys=Keys("Herstelplek De Kiem", "Almelo",
                                                                     KeyboardInterrupt, "j"))
    assert (tmp_path / "kiem.yaml.concept").exists()
    profile.write_text(STARTER.read_text(encoding="utf-8") + "# later aangevuld\n", encoding="utf-8")
    before = profile.read_bytes()
    result = init(monkeypatch, "--update", str(profile), "--force", input=ENTERS)
    assert result.exit_code == 0, result.output
    assert "is sindsdien veranderd. Het kan daarom niet worden hervat" in result.output
    side = tmp_path / "kiem.yaml.antwoorden"
    assert yaml.safe_load(side.read_text(encoding="utf-8"))["initiatief"]["gemeente"] == "Almelo"
    assert profile.read_bytes() == before  # Enter everywhere: the file as it is now stays
    assert not (tmp_path / "kiem.yaml.concept").exists()


def test_a_draft_for_another_command_is_not_resumed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    profile = tmp_path / "kiem.yaml"
    init(monkeypatch, str(profile), keys=Keys("De Kiem", KeyboardInterrupt, "j"))
    shutil.copy(STARTER, profile)
    result = init(monkeypatch, "--update", str(profile), "--force", input=ENTERS)
    assert result.exit_code == 0, result.output
    assert "het hoort bij een andere opdracht" in result.output
    assert (tmp_path / "kiem.yaml.antwoorden").exists()


def test_an_unreadable_draft_is_set_aside_not_lost(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "kiem.yaml"
    (tmp_path / "kiem.yaml.concept").write_text("antwoorden: [De Kiem\n", encoding="utf-8")
    result = init(monkeypatch, str(target), input="De Kiem\n" + ENTERS)
    assert result.exit_code == 0, result.output
    assert "kon niet worden gelezen" in result.output
    aside = tmp_path / "kiem.yaml.concept.onleesbaar"
    assert aside.read_text(encoding="utf-8") == "antwoorden: [De Kiem\n"
    assert load_profile(target).profile.initiatief.naam == "De Kiem"


def test_when_the_draft_cannot_be_written_the_questions_go_on(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(draft_module, "write_draft", refuse)
    target = tmp_path / "kiem.yaml"
    result = init(monkeypatch, str(target), input="De Kiem\nHengelo\n" + ENTERS)
    assert result.exit_code == 0, result.output
    assert result.output.count("kunnen niet tussendoor worden bewaard") == 1
    assert load_profile(target).profile.initiatief.gemeente == "Hengelo"

    stopped = init(monkeypatch, str(tmp_path / "ander.yaml"), keys=Keys("De Kiem", KeyboardInterrupt, "j"))
    assert stopped.exit_code == 130
    assert "Stoppen? Let op: uw antwoorden konden niet worden bewaard." in stopped.output
    assert "Gestopt. Uw antwoorden konden niet worden bewaard (Permission denied)." in stopped.output


def test_the_draft_goes_once_the_answers_are_kept_beside_the_profile(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from iza_check.profile import writer

    drafts: list[list[str]] = []

    def full(*args: Any, **kwargs: Any) -> None:
        drafts.append(answers_in(tmp_path / "kiem.yaml.concept"))  # the answers were kept until here
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer, "_write_checked", full)
    result = init(monkeypatch, str(tmp_path / "kiem.yaml"), input="De Kiem\n" + ENTERS)
    assert result.exit_code == 2
    assert drafts and drafts[0][0] == "De Kiem"
    # Now they are in the .antwoorden file, so the draft is superseded: resuming it would end the same way.
    assert sorted(path.name for path in tmp_path.iterdir()) == ["kiem.yaml.antwoorden"]


# ----------------------------------------------------------------------------------- a smaller update

def test_update_one_section(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    profile = tmp_path / "kiem.yaml"
    shutil.copy(STARTER, profile)
    original = load_profile(STARTER).profile
    result = init(monkeypatch, "--update", str(profile), "--force", "--sectie", "team",
                  input=typed({"team.vrijwilligers": ["14"]}, original, sections=frozenset({"team"})))
    assert result.exit_code == 0, result.output
    assert "== Deel 1 van 1: Door wie? - Team" in result.output
    assert "Wat is de naam van het initiatief?" not in result.output
    assert profile.read_text(encoding="utf-8") == STARTER.read_text(encoding="utf-8").replace(
        "  vrijwilligers: 11\n", "  vrijwilligers: 14\n")


def test_update_sections_by_their_english_option_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    profile = tmp_path / "kiem.yaml"
    shutil.copy(STARTER, profile)
    result = init(monkeypatch, "--update", str(profile), "--force", "--section", "Bereik", "--section",
                  "financiering", "--lang", "en", input=ENTERS)
    assert result.exit_code == 0, result.output
    assert "== Part 1 of 2: Funding ==" in result.output and "== Part 2 of 2: Reach ==" in result.output
    assert profile.read_bytes() == STARTER.read_bytes()


def test_an_unknown_section_is_refused_naming_the_sections(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    profile = tmp_path / "kiem.yaml"
    shutil.copy(STARTER, profile)
    result = init(monkeypatch, "--update", str(profile), "--force", "--sectie", "teams", input=ENTERS)
    assert result.exit_code == 2
    for name in SECTION_KEYS:
        assert f"'{name}'" in result.output
    assert profile.read_bytes() == STARTER.read_bytes()


def test_sections_and_only_open_need_update(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for option in (("--sectie", "team"), ("--alleen-open",)):
        result = init(monkeypatch, str(tmp_path / "kiem.yaml"), *option, input=ENTERS)
        assert result.exit_code == 2
        assert "werken alleen bij het bijwerken van een profiel" in result.output
    assert list(tmp_path.iterdir()) == []


def test_help_lists_the_sections_and_the_narrow_options() -> None:
    result = CliRunner().invoke(main, ["init", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "--sectie, --section NAAM" in text and "--alleen-open, --only-open" in text
    assert ", ".join(SECTION_KEYS) in text


def test_only_open_skips_what_is_answered_and_asks_for_a_plan_for_a_gap(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    profile = tmp_path / "kiem.yaml"
    shutil.copy(STARTER, profile)
    original = load_profile(STARTER).profile
    gaps = init_cmd._gaps(original, dt.date.today(), "nl")
    assert "F1" in gaps["financiering.langste_afspraak_jaren"]
    target_date = dt.date(dt.date.today().year + 2, 3, 1)
    lines = typed({
        "financiering.langste_afspraak_jaren.plan": ["ja"],
        "financiering.langste_afspraak_jaren.plan.stap": ["Met de gemeente praten over subsidie voor drie jaar"],
        "financiering.langste_afspraak_jaren.plan.streefdatum": [f"1-3-{target_date.year}"],
    }, original, only_open=True, gaps=gaps)
    result = init(monkeypatch, "--update", str(profile), "--force", "--alleen-open", input=lines)
    assert result.exit_code == 0, result.output
    assert "U krijgt alleen de vragen die nog open staan." in result.output
    assert "Wat is de naam van het initiatief?" not in result.output  # answered: skipped
    assert "Kan iemand zonder afspraak binnenlopen?" not in result.output
    assert "Nu in het profiel: 1." in result.output
    assert f"Begrepen als 1 maart {target_date.year}." in result.output
    assert len(lines.splitlines()) < 40
    updated = load_profile(profile).profile
    assert updated.financiering is not None
    plan = updated.financiering.in_ontwikkeling[-1]
    assert (plan.betreft, plan.stap, plan.streefdatum) == (
        ["F1"], "Met de gemeente praten over subsidie voor drie jaar", target_date)
    text = profile.read_text(encoding="utf-8")
    original_comments = [line for line in STARTER.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert [line for line in text.splitlines() if line.startswith("#")] == original_comments
