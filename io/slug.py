"""File names for provider and consultant files, safe on Windows, macOS and Linux.

README, Outputs: ``aanbieders/<aanbieder>.xlsx`` and ``consulenten/<consulent>.ics`` are
"safe slugs of the names". ``python-slugify`` transliterates accents
(``Cliëntenhuis`` → ``clientenhuis``) and drops slashes, apostrophes and every
character a file system refuses; what is left is lower-case ASCII letters,
digits and hyphens. Windows' reserved device names get a suffix, and two
names that slug alike are told apart by a number, in name order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from slugify import slugify

MAX_LENGTH = 60
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{n}" for n in range(10)} | {f"lpt{n}" for n in range(10)}
)


def file_slug(name: str, fallback: str = "naamloos") -> str:
    """A file-name stem for ``name``: ``"Leger des Heils / Breda"`` → ``leger-des-heils-breda``."""
    slug = slugify(name, max_length=MAX_LENGTH, word_boundary=True) or fallback
    return f"{slug}-1" if slug in WINDOWS_RESERVED else slug


def stable_slugs(names: Iterable[str], known: Mapping[str, str] | None = None) -> dict[str, str]:
    """One file name per name that never changes owner.

    ``known`` is the mapping of earlier revisions (from ``plan.json``): every
    name in it keeps its slug, and its slugs stay taken even when the name is
    gone, so no newcomer ever inherits another's file name. New names (sorted)
    get their own slug, or a numbered one when it is taken; a name written in
    another case is the same name (as everywhere in the input) and keeps its
    slug. File systems that ignore case are safe because slugs are lower case.
    Returns the whole mapping, earlier names included.
    """
    result = dict(known or {})
    taken = {slug.casefold() for slug in result.values()}
    by_fold = {name.casefold(): slug for name, slug in sorted(result.items())}
    for name in sorted(set(names) - result.keys()):
        if name.casefold() in by_fold:  # the input matches names in any case: the same one
            result[name] = by_fold[name.casefold()]
            continue
        base = file_slug(name)
        slug, n = base, 1
        while slug.casefold() in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug.casefold())
        by_fold[name.casefold()] = result[name] = slug
    return result


def unique_slugs(names: Iterable[str]) -> dict[str, str]:
    """One distinct slug per name; later names (sorted) that collide get ``-2``, ``-3``."""
    return stable_slugs(names)
