"""Template filters of the browse pages."""
from django import template

from archive.feed_pages import about_url
from archive.models import Mention

register = template.Library()

ROLE_LABELS = dict(Mention.Role.choices)


@register.filter
def role_labels(roles):
    """Mention roles (``["presided", "spoke"]``) as Chinese labels joined by 、."""
    return "、".join(ROLE_LABELS.get(role, role) for role in roles)


@register.filter
def join_names(names):
    """A list of names joined by 、 (bylines, titles)."""
    return "、".join(names)


@register.filter
def about_feed(feed_url):
    """The HTML page of the Atom feed at ``feed_url``, for links a person clicks (raw Atom reads as XML)."""
    return about_url(feed_url)
