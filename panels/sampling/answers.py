"""The answers given on the draw's question pages, kept in the session between them."""

from django.http import QueryDict

from ..models import Meeting
from .forms import SAMPLE_STEPS, SampleDrawForm


class SampleAnswers:
    """The answers given so far on the draw's question pages, kept in the session so
    they survive Back and need no JavaScript; one set per meeting."""

    def __init__(self, session, meeting: Meeting, steps: list[tuple] = SAMPLE_STEPS):
        self.session = session
        self.key = f"sample-draw-{meeting.pk}"
        self.steps = steps

    def step(self, name: str) -> dict[str, list[str]] | None:
        return self.session.get(self.key, {}).get(name)

    def keep(self, name: str, form: SampleDrawForm) -> None:
        kept = self.session.get(self.key, {})
        kept[name] = form.posted()
        self.session[self.key] = kept

    def missing(self) -> str | None:
        """The first step not answered yet, if any."""
        return next((name for name, _, _ in self.steps if self.step(name) is None), None)

    def data(self, name: str | None = None) -> QueryDict | None:
        """One step's answers (or all of them) as a form would receive them."""
        kept = self.session.get(self.key, {})
        if name is not None and name not in kept:
            return None
        data = QueryDict(mutable=True)
        for step, answers in kept.items():
            if name is None or step == name:
                for key, values in answers.items():
                    data.setlist(key, values)
        return data

    def clear(self) -> None:
        self.session.pop(self.key, None)
