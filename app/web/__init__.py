"""``herplan serve``: the planner's web page for the December cycle (README, Web page).

``create_app`` assembles it: the routes (``pages``, ``files``, ``login``) over
handlers that read the server's state from ``app.state``, and the middleware
that keeps the plannings in (``security``).
"""

from herplan.app.web.app import create_app, server_config
from herplan.app.web.files import zip_name
from herplan.app.web.state import ServerConfig

__all__ = ["ServerConfig", "create_app", "server_config", "zip_name"]
