"""The resource classes: ``from vpsorg.resources import ServersResource``."""

from ._generated.resources import *  # noqa: F403
