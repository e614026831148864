"""What a crawl establishes about a site, in the terms the crawler and the audit rules share.

The crawler writes these facts and the rules read them again, so both must read them
the same way; this package sits below both of them (docs/ARCHITECTURE.md) and imports
neither: ``links`` reads the links of a page and the addresses they lead to, ``reasons``
holds the phrases a failed site's reason starts with, ``text`` the folded form of text
all matching is done on. Plain Python with lxml and parsel: no Scrapy, no Twisted.
"""
