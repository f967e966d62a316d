"""`{% url %}` that remembers its answers, for every template (a builtin, see settings).

Reversing a URL name walks the URL patterns each time: about 40-70 µs here, and a
meeting page or a member's task list asks for a hundred of them. The same name and
arguments always give the same address under the same URL configuration and script
prefix, so answers are kept per process, keyed by all four. Only plain arguments
(text and whole numbers) are remembered; anything else is reversed as Django does.
"""

import functools

from django import template
from django.conf import settings
from django.template import defaulttags
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

register = template.Library()

# Text written in the template itself ({% url 'x' 'csv' %}) arrives as SafeString.
_PLAIN = (str, SafeString, int)


@functools.lru_cache(maxsize=20_000)
def _reverse(view_name, args, kwargs, current_app, urlconf, prefix) -> str:
    del prefix  # part of the key only: reverse() reads the current one itself
    return reverse(
        view_name, urlconf=urlconf, args=args, kwargs=dict(kwargs), current_app=current_app
    )


def cached_reverse(view_name, args=(), kwargs=None, current_app=None) -> str:
    kwargs = tuple(sorted((kwargs or {}).items()))
    values = [*args, *(value for _, value in kwargs)]
    if not isinstance(view_name, str) or not all(type(v) in _PLAIN for v in values):
        return reverse(view_name, args=args, kwargs=dict(kwargs), current_app=current_app)
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _reverse(view_name, tuple(args), kwargs, current_app, urlconf, get_script_prefix())


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
def url(parser, token):
    """As Django's `{% url %}`, with the answer remembered."""
    node = defaulttags.url(parser, token)
    return CachedURLNode(node.view_name, node.args, node.kwargs, node.asvar)
