"""The one way to ask whether someone may do something: the rule set, alone.

Django's `user.has_perm` goes through the model backend, which answers yes to every
active superuser for every permission. Our rules are about more than roles: a rating is
blind until the reveal, a meeting's record is exported only after it, a chair chairs
only their own panel. None of that bends for a superuser, so pages, services, selectors
and the admin ask `by_rule`, never `user.has_perm`.
"""

import rules


def by_rule(perm: str, user, obj=None) -> bool:
    """Whether the rule set grants `perm` on `obj` to `user` (no superuser exception)."""
    return rules.has_perm(perm, user, obj)
