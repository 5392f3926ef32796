"""One language of the site built alone, exactly as the whole build builds it.

mkdocs-static-i18n builds the default language, then the others one after the other inside the
default one's post-build step, every language in one process. Its `build_only_locale` option
builds one language alone, but as the default one: at the site root and without the language
switcher, so its pages would differ from the whole build's. Here the language is chosen before
the i18n plugin configures the build (its on_config runs at priority -100, after this plugin's):
the pages go under <lang>/ as they would, the switcher lists every language, and the plugin is
told it is already building the other languages, so it builds none.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from ..core.languages import DEFAULT_LANGUAGE, LANGUAGES


def choose(config, lang: str) -> None:
    """Have this `mkdocs build` (or serve's rebuild) make `lang` only."""
    if lang not in LANGUAGES:
        raise PluginError(f"unknown language {lang!r}: one of {', '.join(LANGUAGES)}")
    i18n = config.plugins.get("i18n")
    if i18n is None:
        if lang != DEFAULT_LANGUAGE:
            raise PluginError("building one language needs the i18n plugin")
        return
    i18n.current_language = lang
    i18n.building = True  # its on_post_build builds the other languages only when False


def current(config) -> str:
    """The language the build is making now."""
    plugin = config.plugins.get("i18n")
    return getattr(plugin, "current_language", None) or DEFAULT_LANGUAGE
