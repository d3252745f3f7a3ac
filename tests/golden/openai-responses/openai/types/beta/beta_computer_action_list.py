# File generated from our OpenAPI spec by Castiron. See CONTRIBUTING.md for details.

from typing import List
from typing_extensions import TypeAlias

from .beta_computer_action import BetaComputerAction

__all__ = ["BetaComputerActionList"]

BetaComputerActionList: TypeAlias = List[BetaComputerAction]
