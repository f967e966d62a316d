"""A GOV.UK date input that may be left blank, whose messages say what to fix."""

import datetime

from crispy_forms_gds.fields import DateInputField
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

PART_MISSING = {
    "day": _("%(what)s must include a day"),
    "month": _("%(what)s must include a month"),
    "year": _("%(what)s must include a year"),
}
NOT_A_DATE = _("%(what)s must be a real date")


def _worded(message, **values):
    """`message % values`, worded when shown: a field made at import time still speaks the
    language of the page it is on."""
    return lazy(lambda: str(message) % values, str)()


class OptionalDateField(DateInputField):
    """A GOV.UK date input that may be left blank, with messages that say what to fix."""

    def __init__(self, *, what: str, **kwargs):
        super().__init__(required=False, require_all_fields=False, **kwargs)
        self.what = what
        for part, subfield in zip(["day", "month", "year"], self.fields, strict=True):
            subfield.required = True
            subfield.error_messages["incomplete"] = _worded(PART_MISSING[part], what=what)
            subfield.validators = [RegexValidator(r"^[0-9]+$", _worded(NOT_A_DATE, what=what))]

    def compress(self, data_list):
        try:
            value = super().compress(data_list)
        except ValidationError:
            value = datetime.date.min
        if value is not None and value.year < 1900:
            raise ValidationError(_worded(NOT_A_DATE, what=self.what))
        return value
