"""The optional login: with an [auth] section in Streamlit's secrets every visitor logs in through OpenID Connect
(st.login) and sees only the municipalities the role file names for them; without it the dashboard is open (and
`voortgang serve` binds it to this computer). Runs in the entry point before anything reads the database."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import streamlit as st

from dashboard import strings
from dashboard.format import inert
from model.access import NOTHING, OPEN, ROLES_ENV, Access, RolesError, access_of, load_roles

_ACCESS = "_access"


def login_configured() -> bool:
    """True when Streamlit's secrets hold an [auth] section or `voortgang serve` started with a login. No secrets
    file means no login; a secrets file Streamlit cannot parse stops the run (never an open dashboard by accident)."""
    try:
        return "auth" in st.secrets or bool(os.environ.get(ROLES_ENV))
    except FileNotFoundError as error:
        if "file_paths" in getattr(error, "exec_kwargs", {}):  # Streamlit's "no secrets found"
            return bool(os.environ.get(ROLES_ENV))
        st.error(strings.LOGIN_SECRETS_BROKEN.format(reason=inert(str(error))))
        st.stop()
        raise


@functools.lru_cache(maxsize=4)
def _roles(path: str, modified: float) -> dict[str, Access]:
    """The role file, read once per version of it."""
    return load_roles(Path(path))


def _stop_with(message: str, kind: str = "warning") -> None:
    (st.error if kind == "error" else st.warning)(message)
    if st.button(strings.LOGOUT_BUTTON, key="uitloggen"):
        st.logout()
    st.stop()


def _user_access() -> Access:
    path = os.environ.get(ROLES_ENV)
    if not path:
        _stop_with(strings.LOGIN_NO_ROLES, "error")
    try:
        roles = _roles(path, Path(path).stat().st_mtime)
    except (OSError, RolesError) as error:
        _stop_with(strings.LOGIN_ROLES_BROKEN.format(reason=inert(str(error))), "error")
    email = st.user.get("email")
    access = access_of(roles, email if isinstance(email, str) else None)
    if access == NOTHING:
        _stop_with(strings.LOGIN_NO_ACCESS.format(user=inert(str(email or st.user.get("sub") or "?"))))
    return access


def require_access() -> Access:
    """Everything when there is no login; else the logged-in user's access, after showing who is logged in. A
    visitor who is not logged in gets the login button and the run stops: no page reads any data."""
    if not login_configured():
        st.session_state[_ACCESS] = OPEN
        return OPEN
    st.session_state[_ACCESS] = NOTHING
    if not st.user.is_logged_in:
        st.title(strings.APP_TITLE)
        st.write(strings.LOGIN_TEXT)
        if st.button(strings.LOGIN_BUTTON, type="primary", key="inloggen"):
            st.login()
        st.stop()
    access = st.session_state[_ACCESS] = _user_access()
    st.sidebar.caption(strings.LOGGED_IN_AS.format(user=inert(str(st.user.get("email")))))
    if st.sidebar.button(strings.LOGOUT_BUTTON, key="uitloggen"):
        st.logout()
    return access


def current_access() -> Access:
    """The access the entry point established for this run (nothing when it did not run)."""
    access = st.session_state.get(_ACCESS, NOTHING)
    return access if isinstance(access, Access) else NOTHING
