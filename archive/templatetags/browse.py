"""Template filters of the browse pages."""
from django import template

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
