"""Pages of a long list, for the GOV.UK pagination component (includes/pagination.html)."""

from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property


class CappedPaginator(Paginator):
    """A paginator that stops counting at `count_limit` rows.

    Counting a million filtered rows to print "1,000,000 cases" costs a scan of them
    all; counting up to a limit reads at most that many index entries. Past the limit
    the page says "more than" and only the first `count_limit` rows can be paged to.
    """

    def __init__(self, object_list, per_page, *, count_limit: int | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_limit = count_limit
        self.capped = False

    @cached_property
    def count(self) -> int:
        if self.count_limit is None:
            return super().count
        counted = self.object_list.order_by().values("pk")[: self.count_limit + 1].count()
        self.capped = counted > self.count_limit
        return min(counted, self.count_limit)


def paginate(request, object_list, *, per_page: int, count_limit: int | None = None) -> dict:
    """The page the address asks for (page 1 for a bad number, the last for one too big),
    with what includes/pagination.html needs: numbered links that keep the filters."""
    paginator = CappedPaginator(object_list, per_page, count_limit=count_limit)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {"page": page, "query": query.urlencode(), "page_links": page_links(page)}


def page_links(page: Page) -> list[int | None]:
    """Page numbers around the current one, the first and the last; None for a gap."""
    numbers = page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    return [n if isinstance(n, int) else None for n in numbers]
