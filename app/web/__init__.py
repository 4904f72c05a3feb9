"""``herplan serve``: the planner's web page for the December cycle (README, Web page).

``create_app`` assembles it: the routes over handlers, one module per page or section
(``home_page``, ``planning_page``, ``planning_runs``, ``files``, ``login``, ...), that
read the server's state from ``app.state``, and the middleware that keeps the plannings
in (``security``).

The names are loaded when first asked for: the page's worker processes
(``python -m herplan.app.web.worker``) start from this package and should not load
the whole web application (a second per move checked by hand).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from herplan.app.web.app import create_app, server_config
    from herplan.app.web.files import zip_name
    from herplan.app.web.state import ServerConfig

__all__ = ["ServerConfig", "create_app", "server_config", "zip_name"]
_WHERE = {"create_app": "app", "server_config": "app", "zip_name": "files", "ServerConfig": "state"}


def __getattr__(name: str) -> object:
    if name in _WHERE:
        return getattr(import_module(f"herplan.app.web.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
