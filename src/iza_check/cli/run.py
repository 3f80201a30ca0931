"""The CLI's glue: call the core with a plain options object, print, return an exit code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from iza_check import __version__
from iza_check.cli.exitcodes import EXIT_FINDINGS, EXIT_INVALID_INPUT, EXIT_OK
from iza_check.cli.options import ReportOptions, exit_code, write_output
from iza_check.problems import InputError, Problem


def _print_problems(problems: list[Problem]) -> int:
    for problem in problems:
        click.echo(problem.format(), err=True)
    return EXIT_INVALID_INPUT


def _engine_unavailable(error: Exception) -> int:
    click.echo(str(error), err=True)
    return EXIT_INVALID_INPUT


def run_check(options: ReportOptions) -> int:
    from iza_check.checker import CheckOptions, check_paths
    from iza_check.engine import EngineUnavailable
    from iza_check.findings import Report
    from iza_check.report.registry import render

    check_options = CheckOptions(
        paths=options.paths,
        rule_dirs=options.rule_dirs,
        peildatum=options.peildatum,
        max_bytes=options.max_bytes,
        jobs=options.jobs,
    )
    try:
        outcomes = list(check_paths(check_options))
    except InputError as error:
        return _print_problems(error.problems)
    except EngineUnavailable as error:
        return _engine_unavailable(error)
    report = Report(
        peildatum=options.peildatum,
        tool_version=__version__,
        profiles=tuple(o.report for o in outcomes if o.report is not None),
        problems=tuple(p for o in outcomes for p in o.problems),
    )
    try:
        write_output(render(options.fmt, report, lang=options.lang, colour=options.colour), options.output)
    except OSError as error:
        click.echo(f"{options.output or '<stdout>'}: kan niet schrijven ({error.strerror or error}).", err=True)
        return EXIT_INVALID_INPUT
    if not outcomes:
        click.echo("Geen profielen gevonden (*.yaml, *.yml).", err=True)
        return EXIT_INVALID_INPUT
    return exit_code(report, options.fail_on)


def _load(rule_dirs: tuple[Path, ...]):  # type: ignore[no-untyped-def]
    from iza_check.resources import rules_dir
    from iza_check.rules.loader import load_catalogue

    return load_catalogue([rules_dir(), *rule_dirs])


def run_rules_lint(rule_dirs: tuple[Path, ...]) -> int:
    try:
        catalogue = _load(rule_dirs)
    except InputError as error:
        return _print_problems(error.problems)
    click.echo(f"{len(catalogue.rules)} regels gecontroleerd: geen fouten.")
    return EXIT_OK


def run_rules_test(rule_dirs: tuple[Path, ...], peildatum: object) -> int:
    from iza_check.engine import Engine, EngineUnavailable
    from iza_check.rules.examples import run_examples

    date = peildatum.date() if isinstance(peildatum, dt.datetime) else dt.date.today()
    try:
        catalogue = _load(rule_dirs)
        engine = Engine(catalogue)
    except InputError as error:
        return _print_problems(error.problems)
    except EngineUnavailable as error:
        return _engine_unavailable(error)
    results = run_examples(catalogue, engine, peildatum=date)
    failed = [r for r in results if not r.ok]
    for result in results:
        mark = "ok  " if result.ok else "FOUT"
        line = f"{mark} {result.rule_id}: {result.naam} — verwacht {result.expected}, kreeg {result.actual}"
        click.echo(line)
        if not result.ok and result.detail:
            click.echo(f"       {result.detail}")
    click.echo(f"{len(results)} voorbeelden, {len(results) - len(failed)} geslaagd, {len(failed)} mislukt.")
    return EXIT_FINDINGS if failed else EXIT_OK


def run_explain(rule_id: str, rule_dirs: tuple[Path, ...], lang: str) -> int:
    from iza_check.ruledocs import rule_markdown

    try:
        catalogue = _load(rule_dirs)
    except InputError as error:
        return _print_problems(error.problems)
    matches = [r for r in catalogue.rules if r.id.lower() == rule_id.lower()]
    if not matches:
        known = ", ".join(r.id for r in catalogue.rules)
        click.echo(f"Onbekende regel '{rule_id}'. Bekende regels: {known}", err=True)
        return EXIT_INVALID_INPUT
    click.echo(rule_markdown(matches[0], lang), nl=False)
    return EXIT_OK
