"""The spec's schemas under their short names: ``from vpsorg.types import Server``."""

from ._generated.types import *  # noqa: F403
from ._generated.types import __all__ as __all__
