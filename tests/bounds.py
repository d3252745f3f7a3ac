"""Bounds that catch non-linear blow-ups (a catastrophic regex, an alias bomb, a quadratic walk), not speed checks:
speed is measured by ``benchmarks/``. Each bound is many times the typical cost, and it is counted in CPU seconds
of this process and of the children it waited for, so a loaded machine (other jobs, parallel test workers) does
not fail it the way wall-clock time would."""

from __future__ import annotations

import resource
import time


def _cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


class CpuClock:
    """CPU seconds since it was made: ``clock = CpuClock(); ...; assert clock.elapsed() < bound``."""

    def __init__(self) -> None:
        self.start = _cpu()

    def elapsed(self) -> float:
        return _cpu() - self.start
