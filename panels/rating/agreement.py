"""How far a panel's members agreed on their own: Fleiss' kappa and per-case agreement.

Pure arithmetic over counts, so it can be checked against published worked examples
(panels.rating.presenters words the figures).
"""

from dataclasses import dataclass

# Below this many rated cases kappa swings on a single rating (over 2 cases it can read
# "worse than chance" when members disagreed once), so the pages say agreement cannot be
# judged yet instead of showing the figure.
MIN_CASES = 5


@dataclass(frozen=True)
class Kappa:
    value: float | None  # None when it cannot be worked out
    cases: int  # cases counted (two or more ratings)
    raters: int  # most ratings any counted case had
    left_out: int  # cases with fewer than two ratings

    @property
    def judgeable(self) -> bool:
        """Whether the figure means anything: worked out, over MIN_CASES or more cases."""
        return self.value is not None and self.cases >= MIN_CASES


def fleiss_kappa(table: list[list[int]]) -> Kappa:
    """Fleiss' kappa for a table of cases × categories, each cell the number of raters who
    placed that case in that category.

    Cases may have different numbers of raters (a conflict, a rating not submitted): each
    case's agreement is taken over its own raters, and the category shares over all
    ratings, the usual generalisation of Fleiss (1971). Cases with fewer than two ratings
    say nothing about agreement and are left out.
    """
    counted = [row for row in table if sum(row) >= 2]
    left_out = len(table) - len(counted)
    if not counted:
        return Kappa(None, 0, 0, left_out)
    agreement = [sum(n * (n - 1) for n in row) / (sum(row) * (sum(row) - 1)) for row in counted]
    p_bar = sum(agreement) / len(counted)
    total = sum(sum(row) for row in counted)
    shares = [sum(row[j] for row in counted) / total for j in range(len(counted[0]))]
    p_e = sum(p * p for p in shares)
    raters = max(sum(row) for row in counted)
    if p_e == 1:
        # Everyone chose one category throughout: perfect, but kappa is undefined.
        return Kappa(None, len(counted), raters, left_out)
    return Kappa((p_bar - p_e) / (1 - p_e), len(counted), raters, left_out)


def case_agreement(counts: list[int]) -> float | None:
    """The share of a case's ratings in its most common category (1.0 = unanimous);
    None with fewer than two ratings, when there is nothing to agree or disagree."""
    total = sum(counts)
    return max(counts) / total if total >= 2 else None


def majority(counts: list[int]) -> int | None:
    """The index of the category more than half the ratings chose, if two or more
    members rated the case and one category has such a majority; otherwise None."""
    total = sum(counts)
    if total < 2:
        return None
    top = max(counts)
    return counts.index(top) if top * 2 > total else None
