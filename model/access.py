"""Who may see what when the dashboard runs with a login: a role file names, per user (by e-mail address), the
municipalities they may see, or "*" for all. Read once when the server starts; a user it does not name sees nothing.

    [users]
    "alice@zevenaar.nl" = ["Zevenaar"]
    "controller@provincie.nl" = ["*"]
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from model.municipalities import find_municipality, suggest_municipalities

ALL = "*"
ROLES_ENV = "VOORTGANG_ROLES"  # the role file's path, set by `voortgang serve --roles`


class RolesError(ValueError):
    """A role file that cannot be used: the message names the file, the place and the reason."""


@dataclass(frozen=True)
class Access:
    """What one user may see: every municipality (`everything`), or those named (display names as stored)."""

    everything: bool
    municipalities: frozenset[str] = frozenset()

    def allows(self, municipality: str) -> bool:
        """True when the user may see `municipality` (documents without a municipality only with "*")."""
        return self.everything or municipality in self.municipalities


OPEN = Access(everything=True)
NOTHING = Access(everything=False)


def _entry(path: Path, user: str, names: object) -> Access:
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise RolesError(f"{path}: users.{user!r}: expected a list of municipality names, such as [\"Zevenaar\"]")
    if ALL in names:
        return OPEN
    found = set()
    for name in names:
        municipality = find_municipality(name)
        if municipality is None:
            near = suggest_municipalities(name)
            hint = f" (did you mean {', '.join(near)}?)" if near else ""
            raise RolesError(f"{path}: users.{user!r}: {name!r} is not a current Dutch municipality{hint}")
        found.add(municipality.display_name)
    return Access(everything=False, municipalities=frozenset(found))


def load_roles(path: Path) -> dict[str, Access]:
    """Each user's access by e-mail address (lower case); RolesError says what is wrong with the file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RolesError(f"{path}: the role file does not exist") from None
    except (OSError, UnicodeDecodeError) as error:
        raise RolesError(f"{path}: the role file cannot be read ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise RolesError(f"{path}: not valid TOML ({error})") from None
    users = data.get("users")
    if not isinstance(users, dict) or not users:
        raise RolesError(f'{path}: no [users] table; write one line per user: "name@example.nl" = ["Zevenaar"]')
    return {user.strip().lower(): _entry(path, user, names) for user, names in users.items()}


def access_of(roles: dict[str, Access], email: str | None) -> Access:
    """The access of the user with `email`; NOTHING for a user the role file does not name."""
    return roles.get(email.strip().lower(), NOTHING) if email else NOTHING
