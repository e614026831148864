"""The XML sitemaps a site's CMS publishes (sitemaps.org protocol), in each CMS's own shape.

A theme names its style in ``Theme.sitemap``:

``plain``      one ``/sitemap.xml`` listing every page (hand-written or a studio's CMS);
``wordpress``  WordPress core (5.5+): ``/sitemap.xml`` redirects to ``/wp-sitemap.xml``, an index
               of ``wp-sitemap-posts-post-1.xml`` (news) and ``wp-sitemap-posts-page-1.xml`` (pages);
``bitrix``     1C-Bitrix's SEO module: ``/sitemap.xml`` indexes ``sitemap_files.xml`` (the pages
               kept as files) and ``sitemap_iblock_N.xml`` (an information block: the news);
``None``       no sitemap at all (the path answers 404).

Pages are listed as the CMS lists them, news included; uploaded files are not.
"""

from __future__ import annotations

import datetime
from xml.etree import ElementTree as ET

from .platforms.base import Page, Site

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XML = "application/xml; charset=utf-8"


def _xml(root: ET.Element) -> bytes:
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _lastmod(page: Page, default: str) -> str:
    return page.iso or default


def urlset(site: Site, pages: list[Page], default_date: str) -> bytes:
    root = ET.Element("urlset", xmlns=NS)
    for page in pages:
        url = ET.SubElement(root, "url")
        ET.SubElement(url, "loc").text = site.absolute(site.host, page.path)
        ET.SubElement(url, "lastmod").text = _lastmod(page, default_date)
    return _xml(root)


def index(site: Site, paths: list[str], default_date: str) -> bytes:
    root = ET.Element("sitemapindex", xmlns=NS)
    for path in paths:
        entry = ET.SubElement(root, "sitemap")
        ET.SubElement(entry, "loc").text = site.absolute(site.host, path)
        ET.SubElement(entry, "lastmod").text = default_date
    return _xml(root)


def _listed(site: Site) -> list[Page]:
    # News listing pages (?page=2) are not in a CMS's sitemap; every page and news item is.
    return [site.pages[k] for k in site.order if not k.startswith("newslist:")]


def add_sitemap(site: Site) -> None:
    """Add the routes of the site's sitemap, in its theme's style (nothing when it has none)."""
    style = getattr(site.theme, "sitemap", None)
    if style is None:
        return
    pages = _listed(site)
    today = datetime.date(2025, 11, 24).isoformat()
    add = site.add_route
    if style == "plain":
        add("/sitemap.xml", urlset(site, pages, today), "xml", XML)
    elif style == "wordpress":
        posts = [p for p in pages if p.key.startswith("news:")]
        rest = [p for p in pages if not p.key.startswith("news:")]
        add("/wp-sitemap.xml", index(site, ["/wp-sitemap-posts-post-1.xml", "/wp-sitemap-posts-page-1.xml"], today),
            "xml", XML)
        add("/wp-sitemap-posts-post-1.xml", urlset(site, posts, today), "xml", XML)
        add("/wp-sitemap-posts-page-1.xml", urlset(site, rest, today), "xml", XML)
        # WordPress answers the usual address with a redirect to its own
        add("/sitemap.xml", b"", "txt", "text/html; charset=UTF-8", status=301,
            headers={"Location": "/wp-sitemap.xml"})
    elif style == "bitrix":
        news = [p for p in pages if p.key.startswith("news:")]
        rest = [p for p in pages if not p.key.startswith("news:")]
        block = site.theme.rng.randint(1, 9)
        add("/sitemap.xml", index(site, [f"/sitemap_iblock_{block}.xml", "/sitemap_files.xml"], today), "xml", XML)
        add(f"/sitemap_iblock_{block}.xml", urlset(site, news, today), "xml", XML)
        add("/sitemap_files.xml", urlset(site, rest, today), "xml", XML)
    else:
        raise ValueError(f"unknown sitemap style {style!r}")
