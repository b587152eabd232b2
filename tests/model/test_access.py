"""The role file of the optional login: who may see which municipalities."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.access import NOTHING, OPEN, RolesError, access_of, load_roles


def roles_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rollen.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_user_named_with_municipalities_may_see_those_by_their_stored_names(tmp_path):
    roles = load_roles(roles_file(tmp_path, '[users]\n"Alice@Zevenaar.nl" = ["zevenaar", "GM0518"]\n'))
    access = access_of(roles, "alice@zevenaar.nl ")
    assert access.allows("Zevenaar") and access.allows("Den Haag")
    assert not access.allows("Ooststellingwerf") and not access.allows("?")


def test_a_star_allows_every_municipality_and_documents_without_one(tmp_path):
    roles = load_roles(roles_file(tmp_path, '[users]\n"bob@provincie.nl" = ["*"]\n'))
    assert access_of(roles, "bob@provincie.nl") == OPEN and OPEN.allows("?")


def test_a_user_the_file_does_not_name_or_without_an_address_may_see_nothing(tmp_path):
    roles = load_roles(roles_file(tmp_path, '[users]\n"bob@provincie.nl" = ["*"]\n'))
    assert access_of(roles, "eve@elders.nl") == NOTHING and access_of(roles, None) == NOTHING
    assert not NOTHING.allows("Zevenaar")


def test_an_unknown_municipality_is_refused_with_the_file_the_user_and_the_nearest_name(tmp_path):
    path = roles_file(tmp_path, '[users]\n"alice@zevenaar.nl" = ["Zevenar"]\n')
    with pytest.raises(RolesError) as raised:
        load_roles(path)
    assert str(raised.value) == (
        f"{path}: users.'alice@zevenaar.nl': 'Zevenar' is not a current Dutch municipality (did you mean Zevenaar?)"
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[users\n", "not valid TOML"),
        ("[gebruikers]\n", r"no \[users\] table"),
        ('[users]\n"a@b.nl" = "Zevenaar"\n', "expected a list of municipality names"),
    ],
)
def test_a_role_file_that_cannot_be_used_says_why(tmp_path, text, reason):
    with pytest.raises(RolesError, match=reason):
        load_roles(roles_file(tmp_path, text))


def test_a_missing_role_file_says_so(tmp_path):
    with pytest.raises(RolesError, match="the role file does not exist"):
        load_roles(tmp_path / "weg.toml")
