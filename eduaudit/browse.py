"""`eduaudit browse`: Datasette on the results database, with Russian labels and ready queries.

Bound to 127.0.0.1 by default: the database holds the full text of school
documents and is meant for the analyst's own machine, not the network.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

from audit_rules import all_rules
from eduaudit.reports import figures

TABLES = {
    "runs": ("Запуски проверки", "Один запуск — один обход всех школ реестра.", {
        "id": "Номер запуска", "started_at": "Начат (UTC)", "finished_at": "Завершён (UTC)",
        "status": "Состояние", "registry_path": "Файл реестра", "registry_sha256": "SHA-256 реестра",
        "schools": "Школ в реестре", "ruleset_version": "Версия правил", "settings": "Настройки обхода"}),
    "schools": ("Школы", "Школы из реестра в каждом запуске.", {
        "run_id": "Запуск", "school_id": "Код школы", "name": "Полное название", "short_name": "Краткое название",
        "municipality": "Муниципальное образование (как в реестре)", "municipality_key": "Ключ муниципалитета",
        "url": "Адрес сайта", "inn": "ИНН", "kind": "Тип ОО", "registry_line": "Строка реестра"}),
    "sites": ("Сайты", "Итог обращения к главной странице сайта.", {
        "run_id": "Запуск", "school_id": "Код школы", "start_url": "Адрес из реестра", "final_url": "Итоговый адрес",
        "reachable": "Доступен (1/0)", "http_status": "Код ответа HTTP", "error": "Ошибка", "platform": "Платформа",
        "fetched_at": "Загружено (UTC)"}),
    "pages": ("Страницы", "Загруженные страницы сайтов.", {
        "run_id": "Запуск", "school_id": "Код школы", "url": "Адрес", "http_status": "Код ответа HTTP",
        "content_type": "Тип содержимого", "sha256": "SHA-256", "size": "Размер, байт", "title": "Заголовок окна",
        "heading": "Заголовок страницы", "role": "Роль страницы", "depth": "Глубина", "referer": "Откуда пришли",
        "anchor_text": "Текст ссылки", "fetched_at": "Загружено (UTC)", "via": "Куда вела ссылка",
        "strategy": "Как найдена (home / probe / sitemap / last_resort / link:anchor / link:slug / link:itemprop)"}),
    "documents": ("Документы", "Файлы документов, найденные на сайтах.", {
        "run_id": "Запуск", "school_id": "Код школы", "url": "Адрес файла", "sha256": "SHA-256", "size": "Размер, байт",
        "content_type": "Тип содержимого", "filename": "Имя файла", "anchor_text": "Текст ссылки",
        "page_url": "Страница со ссылкой", "page_role": "Роль страницы", "http_status": "Код ответа HTTP",
        "error": "Ошибка", "fetched_at": "Загружено (UTC)",
        "hosted_on": "Файлообменник (yandex_disk / google_drive)"}),
    "blobs": ("Хранилище файлов", "Содержимое файлов по SHA-256 (папка blobs/).", {
        "sha256": "SHA-256", "size": "Размер, байт", "path": "Путь в blobs/", "first_seen_at": "Впервые загружен"}),
    "extractions": ("Извлечённый текст", "Текст документа по SHA-256 (общий для всех запусков).", {
        "sha256": "SHA-256", "status": "Результат", "format": "Формат", "text": "Текст", "page_count": "Страниц",
        "ocr_used": "Распознавание (OCR)", "extractor": "Чем извлечено", "error": "Ошибка",
        "extracted_at": "Извлечено (UTC)"}),
    "classifications": ("Классификация документов", "Тип, адресат и издатель каждого документа.", {
        "run_id": "Запуск", "school_id": "Код школы", "sha256": "SHA-256", "source": "Источник (файл/страница)",
        "url": "Адрес", "urls": "Все адреса", "link_text": "Текст ссылки", "doc_type": "Тип документа",
        "audience": "Адресат", "issuer": "Издатель", "about_mentoring": "О наставничестве (1/0)",
        "confidence": "Уверенность", "title": "Название", "date": "Дата", "number": "Номер",
        "contains": "Содержит также", "evidence": "Решающие фразы", "extraction_status": "Извлечение текста",
        "fetched_at": "Загружено (UTC)"}),
    "findings": ("Результаты проверки", "Вердикт по каждой школе и каждому правилу с доказательством.", {
        "run_id": "Запуск", "school_id": "Код школы", "municipality": "Муниципальное образование",
        "rule_id": "Правило", "status": "Вердикт (pass/fail/warn/error)", "evidence_url": "Доказательство: ссылка",
        "evidence_text": "Доказательство: цитата", "fetched_at": "Загружено (UTC)", "detail": "Пояснение",
        "ruleset_version": "Версия правил"}),
}

_LATEST = "(select max(id) from runs where status = 'finished')"
_STATUS_RU = ("case f.status when 'pass' then 'выполнено' when 'fail' then 'не выполнено' "
              "when 'warn' then 'требует проверки' when 'error' then 'не удалось проверить' else f.status end")

# Rule titles in the queries, not ids: people read them.
_RULE_TITLE = ("case f.rule_id " + " ".join(f"when '{r.id}' then '{r.title}'" for r in all_rules())
               + " else f.rule_id end")

QUERIES = {
    "gaps_by_municipality": {
        "title": "Пробелы по муниципалитету",
        "description": "Что не выполнено в школах муниципального образования (последний запуск, если номер не указан). "
                       "Муниципалитет — часть названия, например «Вяземский».",
        "sql": ("select s.short_name as \"Школа\", s.url as \"Сайт\", " f"{_RULE_TITLE} as \"Правило\", "
                f"{_STATUS_RU} as \"Вердикт\", f.evidence_url as \"Доказательство\", f.detail as \"Пояснение\", "
                "f.school_id as \"Код школы\", f.municipality as \"Муниципальное образование\" "
                "from findings f join schools s on s.run_id = f.run_id and s.school_id = f.school_id "
                f"where f.run_id = coalesce(nullif(:run_id, ''), {_LATEST}) and f.status != 'pass' "
                "and f.municipality like '%' || :municipality || '%' "
                "order by f.municipality, s.short_name, f.rule_id"),
    },
    "school_card": {
        "title": "Карточка школы",
        "description": "Все вердикты и доказательства по одной школе (код школы из реестра).",
        "sql": ("select " f"{_RULE_TITLE} as \"Правило\", " f"{_STATUS_RU} as \"Вердикт\", "
                "f.evidence_url as \"Доказательство\", f.evidence_text as \"Цитата\", f.detail as \"Пояснение\", "
                "f.fetched_at as \"Загружено\", s.name as \"Школа\", s.municipality as \"Муниципальное образование\", "
                "s.url as \"Сайт\", f.run_id as \"Запуск\" "
                "from findings f join schools s on s.run_id = f.run_id and s.school_id = f.school_id "
                f"where f.run_id = coalesce(nullif(:run_id, ''), {_LATEST}) and f.school_id = :school_id "
                "order by f.rule_id"),
    },
    "section_discovery": {
        "title": "Как найдены разделы",
        "description": "Для каждой платформы: сколько раз раздел («Сведения…», «Документы», «Наставничество») "
                       "найден известным адресом платформы (probe), по карте сайта (sitemap), по тексту ссылки "
                       "(link:anchor), по адресу ссылки (link:slug) или микроразметке (link:itemprop).",
        "sql": ("select s.platform as \"Платформа\", p.role as \"Раздел\", p.strategy as \"Как найден\", "
                "count(distinct p.school_id) as \"Сайтов\" from pages p "
                "join sites s on s.run_id = p.run_id and s.school_id = p.school_id "
                f"where p.run_id = coalesce(nullif(:run_id, ''), {_LATEST}) "
                "and p.role in ('sveden', 'documents', 'mentoring', 'local_acts') "
                "group by 1, 2, 3 order by 1, 2, 4 desc"),
    },
    "coverage": {
        "title": "Свод по муниципалитетам",
        "description": "Сколько школ выполнили каждое правило (последний запуск, если номер не указан). "
                       "Только школы (органы управления образованием — отдельно); процент — от школ, "
                       "сайты которых удалось проверить, округлён до целого.",
        "sql": (f"select f.municipality as \"Муниципальное образование\", {_RULE_TITLE} as \"Правило\", "
                f"count(*) as \"Школ\", {figures.PASSED_SQL} as \"Выполнено\", "
                f"{figures.CHECKED_SQL} as \"Проверено\", {figures.UNCHECKED_SQL} as \"Не удалось проверить\", "
                f"{figures.PERCENT_SQL} as \"%\" from {figures.SCHOOL_FINDINGS_SQL} "
                f"where f.run_id = coalesce(nullif(:run_id, ''), {_LATEST}) "
                "group by f.municipality, f.rule_id order by f.municipality, f.rule_id"),
    },
}


def metadata(database_name: str = "eduaudit") -> dict:
    """Datasette metadata: Russian titles and column descriptions, and the canned queries."""
    return {
        "title": "eduaudit: наставничество на сайтах школ",
        "description": "Результаты проверки сайтов школ: запуски, школы, страницы, документы, вердикты.",
        "databases": {
            database_name: {
                "title": "База результатов",
                "tables": {name: {"title": title, "description": description, "columns": columns}
                           for name, (title, description, columns) in TABLES.items()},
                "queries": QUERIES,
            }
        },
    }


def write_metadata(db_path: str | Path, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(json.dumps(metadata(Path(db_path).stem), ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def datasette_command(db_path: str | Path, metadata_path: str | Path, *, host: str = "127.0.0.1",
                      port: int = 8001) -> list[str]:
    return [sys.executable, "-m", "datasette", "serve", str(db_path), "--metadata", str(metadata_path),
            "--host", host, "--port", str(port), "--setting", "sql_time_limit_ms", "5000"]


class Stopped(Exception):
    """Raised in the main thread when `browse` is asked to stop by a signal."""


def _stop(signum, frame):
    raise Stopped(signum)


def run_until_stopped(process: subprocess.Popen, *, grace: float = 10) -> int:
    """Wait for Datasette; on SIGTERM or SIGINT (Ctrl+C, `kill PID`) stop it and return.

    A plain `kill PID` reaches only our process, not Datasette's: without this the child
    would outlive us and the caller's temporary folder would never be removed.
    """
    previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        return process.wait()
    except (Stopped, KeyboardInterrupt):
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def serve(db_path: str | Path, metadata_path: str | Path, *, host: str = "127.0.0.1", port: int = 8001,
          **popen) -> subprocess.Popen:
    """Start Datasette in a child process; the caller waits for or stops it."""
    return subprocess.Popen(datasette_command(db_path, metadata_path, host=host, port=port), **popen)
