"""HTML and URL conventions of the platforms school sites of the region run on."""

from .base import Site, Theme
from .bitrix import BitrixTheme
from .edusite import EdusiteTheme
from .gosweb import GoswebTheme
from .handmade import HandmadeTheme
from .joomla import JoomlaTheme
from .schoolru import SchoolRuTheme
from .ucoz import UcozTheme
from .wordpress import WordPressTheme

THEMES: dict[str, type[Theme]] = {
    "gosweb": GoswebTheme, "schoolru": SchoolRuTheme, "ucoz": UcozTheme,
    "wordpress": WordPressTheme, "edusite": EdusiteTheme, "handmade": HandmadeTheme,
    "joomla": JoomlaTheme, "bitrix": BitrixTheme,
}

__all__ = ["THEMES", "Site", "Theme"]
