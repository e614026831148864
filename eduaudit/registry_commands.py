"""``eduaudit registry check`` and the same check that ``eduaudit crawl`` runs before it starts."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .org_kinds import DEFAULT_AUDITED, KIND_RU_PLURAL, parse_kinds
from .registry import RegistryError, School
from .registry_check import RegistryCheck, check_registry, render, write_clean_csv
from .registry_sheet import parse_columns_option

COLUMNS_HELP = ("Какие заголовки файла — наши столбцы, если они не распознаны сами: "
                "name=«Наименование ОО»,url=«Сайт»,municipality=«МО» (также short_name, inn, kind).")
KINDS_HELP = ("Какие виды организаций проверять (по умолчанию school,municipality): school, kindergarten, "
              "college, supplementary, municipality. Детские сады, колледжи и допобразование проверяются "
              "по правилам для школ.")


def options_or_fail(columns: str | None, kinds: str | None) -> tuple[dict[str, str], tuple[str, ...]]:
    try:
        return parse_columns_option(columns or ""), (parse_kinds(kinds) if kinds else DEFAULT_AUDITED)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def run_check(path: Path, columns: dict[str, str] | None = None) -> RegistryCheck:
    """The check of a registry file; a file that cannot be read at all is a click error."""
    try:
        return check_registry(path, columns)
    except RegistryError as exc:
        raise click.ClickException("ошибка в реестре " + exc.path + ":\n  " + "\n  ".join(exc.lines())) from None


def schools_to_audit(path: Path, columns: dict[str, str] | None = None,
                     kinds: tuple[str, ...] = DEFAULT_AUDITED, *, quiet: bool = False) -> list[School]:
    """Check the registry as ``eduaudit registry check`` does; stop on what cannot be repaired.

    The check's table goes to stderr unless quiet (and always when the registry is unusable);
    rows of kinds not audited are named there, with the ``--kinds`` that would include them.
    """
    check = run_check(path, columns)
    if not check.ok:
        try:
            check.raise_if_unusable()
        except RegistryError as exc:
            message = "ошибка в реестре " + exc.path + ":\n  " + "\n  ".join(exc.lines())
            raise click.ClickException(message) from None
    if not quiet:
        lines = render(check, kinds) if (check.header_row or check.notes or check.excluded(kinds)) else []
        for line in lines:
            click.echo(line, err=True)
    audited = check.audited(kinds)
    if not audited:
        present = ", ".join(sorted({KIND_RU_PLURAL[s.kind] for s in check.schools}))
        raise click.ClickException(f"в реестре нет организаций тех видов, что проверяются ({', '.join(kinds)}); "
                                   f"в нём: {present} — укажите --kinds")
    return audited


@click.group("registry")
def registry_group() -> None:
    """Реестр школ: проверка и очистка файла оператора."""


@registry_group.command("check")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--columns", metavar="name=«…»,url=«…»", help=COLUMNS_HELP)
@click.option("--kinds", metavar="KIND,…", help=KINDS_HELP)
@click.option("--write", "write", type=click.Path(dir_okay=False, path_type=Path),
              help="Записать очищенный реестр в CSV (наш формат: его читает eduaudit crawl как есть).")
def check_command(path, columns, kinds, write):
    """Прочитать реестр (XLSX, ODS, CSV), исправить адреса и показать, что сделано.

    Код выхода не 0 только при ошибках, которые нельзя исправить (нет наименования или
    муниципалитета, нет строки заголовка).
    """
    columns, kinds = options_or_fail(columns, kinds)
    check = run_check(path, columns)
    for line in render(check, kinds):
        click.echo(line)
    if write is not None:
        if check.ok:
            write_clean_csv(check, write)
            click.echo(f"Очищенный реестр: {write}")
        else:
            click.echo(f"Очищенный реестр не записан: сначала исправьте ошибки ({write})")
    if not check.ok:
        sys.exit(1)
