"""Sites of no known platform, in two makes.

``classic``  a teacher's hand-made site: flat /name.html pages, files in /files/, the menu a
             plain list of links, no sitemap;
``studio``   a local web studio's site: /section/page.html addresses, its menu drawn by a
             script from an inline list (the HTML has no menu links at all: the brief plans
             for script-only menus), and the ``/sitemap.xml`` its CMS writes.
"""

from __future__ import annotations

import json

from .base import SVEDEN, Page, Theme, esc

# The script a studio template ships with: it builds the menu from the page's list.
_MENU_SCRIPT = """(function (items, root) {
  function list(items) {
    var ul = document.createElement('ul');
    items.forEach(function (item) {
      var li = document.createElement('li'), a = document.createElement('a');
      a.href = item.url; a.textContent = item.title; li.appendChild(a);
      if (item.children && item.children.length) { li.appendChild(list(item.children)); }
      ul.appendChild(li);
    });
    return ul;
  }
  root.appendChild(list(items));
})(window.siteMenu, document.getElementById('main-menu'));"""


class HandmadeTheme(Theme):
    name = "handmade"
    layouts = ("classic", "studio")

    def __init__(self, rng, layout: str | None = None):
        super().__init__(rng, layout)
        self.folder = rng.choice(["files", "doc", "upload"])
        self.sitemap = "plain" if self.layout_name == "studio" else None
        self._slugs: dict[str, list[str]] = {}

    # -- addresses ---------------------------------------------------------------------------
    def page_path(self, page: Page, slug: str) -> str:
        if page.key == "home":
            return "/"
        if self.layout_name == "studio":
            return self._studio_path(page, slug)
        if page.key.startswith("news:"):
            return f"/news/{slug[:30]}.html"
        if page.key.startswith("sveden:"):
            return f"/sveden/{page.key.split(':', 1)[1]}.html"
        return f"/{slug}.html"

    def _studio_path(self, page: Page, slug: str) -> str:
        # The studio's CMS builds an address from the chain of section slugs: /pedagogam/metodicheskaya-rabota.html
        if page.key == "sveden":
            slug = "svedeniya"
        elif page.key.startswith("sveden:"):
            code = page.key.split(":", 1)[1]
            slug = next(s for c, _, s in SVEDEN if c == code)
        elif page.key.startswith("news:"):
            slug = slug[:40]
        chain = [*self._slugs.get(page.parent or "", []), slug]
        self._slugs[page.key] = chain
        return "/" + "/".join(chain) + ".html"

    def news_page_path(self, n):
        if self.layout_name == "studio":
            return f"{self.site.url('news')}?page={n}"
        return f"/news{n}.html"

    def file_path(self, title, ext, section):
        if self.layout_name == "studio":
            return f"/upload/docs/{self.site.file_name(title, ext, sep='-', max_words=5).lower()}", None
        return f"/{self.folder}/{self.site.file_name(title, ext, max_words=4).lower()}", None

    # -- HTML --------------------------------------------------------------------------------
    def layout(self, page):
        return self._studio(page) if self.layout_name == "studio" else self._classic(page)

    def _classic(self, page):
        s = self.site.school
        return f"""<html>
<head><meta charset="utf-8"><title>{esc(s.short_name)}: {esc(page.title)}</title>
<style>body{{font-family:Arial;background:#eef}} .menu li{{display:inline;margin:0 8px}}</style></head>
<body>
<center><h2>{esc(s.name)}</h2></center>
<div id="nav">{self.menu_tree("menu", "dropdown")}</div>
<hr>
<h1>{esc(page.title)}</h1>
{f'<p><i>{page.date}</i></p>' if page.date else ''}
{self.body_html(page)}
<hr><p align="center">{esc(s.locality)}. Сайт сделан учителем информатики.</p>
</body></html>"""

    def _menu_data(self) -> list[dict]:
        return [{"title": item.title, "url": item.path,
                 "children": [{"title": sub.title, "url": sub.path} for sub in self.site.children(item.key)]}
                for item in self.site.children("home")]

    def _studio(self, page):
        s = self.site.school
        # "</" is escaped so that no title can close the script element early
        menu = json.dumps(self._menu_data(), ensure_ascii=False).replace("</", "<\\/")
        crumbs = self.breadcrumbs(page, " › ") if page.key != "home" else ""
        return f"""<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(page.title)} | {esc(s.short_name)}</title>
<link rel="stylesheet" href="/assets/css/style.min.css">
</head>
<body>
<header class="site-header">
<div class="site-header__logo"><img src="/assets/img/logo.svg" alt=""><span>{esc(s.name)}</span></div>
<button class="burger" type="button" aria-label="Меню"><span></span></button>
<nav class="main-menu" id="main-menu" aria-label="Главное меню"></nav>
</header>
<main class="site-main">
{crumbs}
<h1 class="page-title">{esc(page.title)}</h1>
{f'<div class="post-date">{page.date}</div>' if page.date else ''}
<div class="page-content">{self.body_html(page)}</div>
</main>
<footer class="site-footer"><p>{esc(s.short_name)}, {esc(s.locality)}</p>
<p>Разработка сайта — веб-студия «Смоленский сайт»</p></footer>
<script>window.siteMenu = {menu};</script>
<script>{_MENU_SCRIPT}</script>
</body>
</html>"""
