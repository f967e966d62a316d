"""The draw methods by version: a new draw uses the latest, and every version a draw was
ever recorded with can still be re-run (docs/adr/0004-dip-sampling.md)."""

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from . import algorithm, positions
from .algorithm import Pool

ALGORITHM_VERSION = positions.VERSION
METHODS: dict[str, Callable[..., list[str]]] = {
    algorithm.BOTTOMK_VERSION: algorithm.select,
    positions.VERSION: positions.select,
}


def choose(*, seed: str, pool: Pool, size: int, version: str = ALGORITHM_VERSION) -> list[str]:
    """The references the method `version` draws, in agenda order."""
    return METHODS[version](seed=seed, pool=pool, size=size)


def select_and_seal(
    *, seed: str, pool: Pool, size: int, version: str = ALGORITHM_VERSION
) -> list[str]:
    """choose(), while another thread fingerprints the pool record.

    hashlib lets go of the interpreter lock on large inputs, so on a machine with
    two cores the fingerprint is ready about when the cases are chosen.
    """
    with ThreadPoolExecutor(max_workers=1) as worker:
        sealed = worker.submit(lambda: pool.fingerprint)
        selected = choose(seed=seed, pool=pool, size=size, version=version)
        sealed.result()
    return selected
