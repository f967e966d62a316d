"""`{% cached_url %}`: Django's `{% url %}`, remembering its answers, for hot loops.

Reversing a URL name walks the URL patterns each time: about 40-70 µs here, and a
meeting's agenda or a member's task list asks for a hundred of them. The same name and
arguments give the same address under the same URL configuration, script prefix and
language, so answers are kept per process, keyed by all of them. They are kept on the
URL resolver itself, so `clear_url_caches()` (which builds a new resolver) empties
them too. Only plain arguments (text and whole numbers) are remembered; anything else
is reversed as Django does. Everywhere else, templates use Django's own `{% url %}`.
"""

import weakref

from django import template
from django.conf import settings
from django.template import defaulttags
from django.urls import NoReverseMatch, get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

register = template.Library()

# Text written in the template itself ({% cached_url 'x' 'csv' %}) arrives as SafeString.
_PLAIN = (str, SafeString, int)
# Past this many answers for one resolver, start again rather than grow without bound.
MAX_REMEMBERED = 20_000

_remembered: "weakref.WeakKeyDictionary[object, dict]" = weakref.WeakKeyDictionary()


def remembered(urlconf=None) -> dict:
    """The answers kept for this URL configuration's current resolver."""
    resolver = get_resolver(urlconf or get_urlconf() or settings.ROOT_URLCONF)
    answers = _remembered.get(resolver)
    if answers is None or len(answers) >= MAX_REMEMBERED:
        answers = _remembered[resolver] = {}
    return answers


def cached_reverse(view_name, args=(), kwargs=None, current_app=None) -> str:
    kwargs = tuple(sorted((kwargs or {}).items()))
    values = [*args, *(value for _, value in kwargs)]
    if not isinstance(view_name, str) or not all(type(v) in _PLAIN for v in values):
        return reverse(view_name, args=args, kwargs=dict(kwargs), current_app=current_app)
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    key = (
        view_name,
        tuple(args),
        kwargs,
        current_app,
        get_script_prefix(),
        translation.get_language(),
    )
    answers = remembered(urlconf)
    if key not in answers:
        answers[key] = reverse(
            view_name, urlconf=urlconf, args=args, kwargs=dict(kwargs), current_app=current_app
        )
    return answers[key]


class CachedURLNode(defaulttags.URLNode):
    def render(self, context):
        args = [arg.resolve(context) for arg in self.args]
        kwargs = {k: v.resolve(context) for k, v in self.kwargs.items()}
        view_name = self.view_name.resolve(context)
        try:
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        url = ""
        try:
            url = cached_reverse(view_name, args, kwargs, current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def cached_url(parser, token):
    """As Django's `{% url %}`, with the answer remembered."""
    node = defaulttags.url(parser, token)
    return CachedURLNode(node.view_name, node.args, node.kwargs, node.asvar)
