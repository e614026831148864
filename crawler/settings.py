"""Scrapy settings of the eduaudit crawler.

Politeness first: school sites are small municipal hosts. One or two requests
at a time per site, a delay between them, robots.txt obeyed; many sites in
parallel. The CLI overrides the delay and budgets per run.
"""

import os

BOT_NAME = "eduaudit"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

USER_AGENT = "eduaudit/0.1 (+audit of school websites; contact: set EDUAUDIT_CONTACT)"
ROBOTSTXT_OBEY = True

# A request waiting out its site's delay already counts against this limit, so
# with a one-second delay and a few hundred sites it must be well above the
# number of sites being fetched from at any moment, or sites queue behind it.
CONCURRENT_REQUESTS = 256
# The next request goes to the site with the fewest in flight, not to whichever
# site queued the most: every site advances at its own polite pace. And a site
# holds no more requests in the downloader than it may have in flight, so the
# spider's priorities, not the order of discovery, decide what it asks next
# (crawler.scheduling).
SCHEDULER_PRIORITY_QUEUE = "crawler.scheduling.SitePacedPriorityQueue"
CONCURRENT_REQUESTS_PER_DOMAIN = 2
# Items go to SQLite one at a time anyway. Scrapy starts CONCURRENT_ITEMS
# asyncio workers for *every* callback's output (100 by default), which was a
# third of the crawler's CPU on a region: one worker is all the pipeline uses.
CONCURRENT_ITEMS = 1
DOWNLOAD_DELAY = 1.0
# The delay is a floor, not an average. Scrapy's randomisation (0.5-1.5 times the delay)
# let requests come twice as often as the operator asked; and since every look at a
# site's queue draws a new random delay and waits out the longer one, the mean gap grew
# to about 1.25 times the delay, which held the region's largest sites a quarter longer.
RANDOMIZE_DOWNLOAD_DELAY = False
# The timeout bounds a whole download, not just silence: a host dripping one
# byte a second is cut off like one that never answers. EDUAUDIT_DOWNLOAD_TIMEOUT
# overrides it (fault tests; very slow links).
DOWNLOAD_TIMEOUT = float(os.environ.get("EDUAUDIT_DOWNLOAD_TIMEOUT") or 30)
# Size caps. DOWNLOAD_MAXSIZE also bounds the *decompressed* size of a gzip /
# deflate / brotli / zstd body (Scrapy's HttpCompressionMiddleware checks it
# while inflating), so a gzip bomb is abandoned at 50 MB; a 2 GB file is cut
# off when its Content-Length is read or when 50 MB have arrived.
DOWNLOAD_MAXSIZE = 50 * 1024 * 1024
DOWNLOAD_WARNSIZE = 20 * 1024 * 1024
# A body shorter than its Content-Length is an error, not a document.
DOWNLOAD_FAIL_ON_DATALOSS = True

RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]

# Depth is limited by the spider itself (max_depth): Scrapy's DepthMiddleware
# would drop requests silently, and the spider must account for every request.
DEPTH_LIMIT = 0
DEPTH_PRIORITY = 0
REDIRECT_MAX_TIMES = 10
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

TWISTED_DNS_RESOLVER = "crawler.resolver.OverridingResolver"
# Scrapy's HTTP handler, plus the request log: when each request went out and came back
# (crawler/request_log.py; beside the crawl log, or at EDUAUDIT_REQUEST_LOG).
DOWNLOAD_HANDLERS = {
    "http": "crawler.request_log.LoggedHTTPDownloadHandler",
    "https": "crawler.request_log.LoggedHTTPDownloadHandler",
}
EDUAUDIT_REQUEST_LOG = ""
# ``PATTERN=IP`` entries, like ``curl --resolve``; e.g. ["*.test=127.0.0.1"].
EDUAUDIT_RESOLVE: list[str] = []

SPIDER_MIDDLEWARES = {
    # closest to the spider: sees a callback's exception before anything else
    "crawler.middlewares.CallbackFailureMiddleware": 990,
}

DOWNLOADER_MIDDLEWARES = {
    # first of all (before robots.txt is asked for): no request into the operator's own network
    "crawler.middlewares.PrivateAddressGuardMiddleware": 40,
    # after decompression (590): sees the page bytes, fixes a lying charset before parsing
    "crawler.middlewares.CharsetRepairMiddleware": 560,
    "crawler.middlewares.SiteSlotMiddleware": 50,
    # below HttpCacheMiddleware (900): sees 304s before the cache swaps in the stored body
    "crawler.middlewares.TransferStatsMiddleware": 950,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.RetryAfterMiddleware": 550,
}
RETRY_AFTER_MAX = 120.0
EXTENSIONS = {
    "crawler.extensions.ProgressExtension": 500,
}
EDUAUDIT_PROGRESS = False
EDUAUDIT_PROGRESS_INTERVAL = 10.0

ITEM_PIPELINES = {
    "crawler.pipelines.StorePipeline": 300,
}

LOG_LEVEL = "INFO"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"

# Re-crawls before a deadline transfer only what changed: responses are cached
# and every cached response is revalidated (max-age=0) with If-None-Match /
# If-Modified-Since, so an unchanged file costs a 304 instead of its bytes.
HTTPCACHE_ENABLED = True
HTTPCACHE_POLICY = "scrapy.extensions.httpcache.RFC2616Policy"
# One SQLite row and one body file per distinct response, instead of Scrapy's eight
# gzip files per response: the cache was a fifth of the crawler's CPU (crawler/httpcache.py).
HTTPCACHE_STORAGE = "crawler.httpcache.DigestCacheStorage"
HTTPCACHE_DIR = "httpcache"  # the CLI sets an absolute folder inside the results folder
DEFAULT_REQUEST_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "ru,en;q=0.5",
    "Cache-Control": "max-age=0",
}

# Slow municipal hosts: back off when they answer slowly, never go below DOWNLOAD_DELAY.
# The target is the two requests a site may have in flight (CONCURRENT_REQUESTS_PER_DOMAIN):
# with 1.0 a site answering in 2 s got one request at a time, every 2 s, and the
# region's few slow sites alone held a 340-school crawl for 45 s where the others took 25.
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
