"""Item pipeline: everything the spider fetched goes into the results database."""

from __future__ import annotations

from itemadapter import ItemAdapter

from crawler.items import DocumentItem, PageItem, SiteDoneItem, SiteItem
from eduaudit.store import Store


class StorePipeline:
    """Write sites, pages and documents of the current run; bytes go to blobs."""

    def __init__(self, db_path: str, run_id: int):
        self.db_path = db_path
        self.run_id = run_id
        self.store: Store | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("EDUAUDIT_DB"), crawler.settings.getint("EDUAUDIT_RUN_ID"))

    def open_spider(self, spider=None):
        self.store = Store(self.db_path)

    def close_spider(self, spider=None):
        if self.store is not None:
            self.store.db.close()

    def process_item(self, item, spider=None):
        store = self.store
        # shallow: asdict() would deep-copy every body
        row = dict(ItemAdapter(item))
        row["run_id"] = self.run_id
        if isinstance(item, SiteItem):
            row["reachable"] = int(row["reachable"])
            store.upsert("sites", row)
        elif isinstance(item, PageItem):
            body = row.pop("body")
            row["sha256"] = store.put_blob(body)
            row["size"] = len(body)
            store.upsert("pages", row)
        elif isinstance(item, SiteDoneItem):
            store.upsert("sites", row)
        elif isinstance(item, DocumentItem):
            body = row.pop("body")
            if body is not None and not row["error"]:
                row["sha256"] = store.put_blob(body)
                row["size"] = len(body)
            store.upsert("documents", row)
        return item
