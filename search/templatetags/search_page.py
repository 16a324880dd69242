"""Template filters of the search page."""
from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

FACET_ITEM = (
    '<li{item_class}><a href="{url}"{current}><span class="check" aria-hidden="true">{check}</span>'
    '<span class="value-label">{label}</span><span class="value-count"><span class="visually-hidden">：</span>'
    '{count}<span class="visually-hidden">篇{state}</span></span></a></li>'
)
SELECTED = {"item_class": ' class="selected"', "current": ' aria-current="true"', "check": "✓",
            "state": "（已选，点击取消）"}
NOT_SELECTED = dict.fromkeys(SELECTED, "")


@register.filter
def facet_items(values) -> str:
    """The list items of ``presentation.FacetValue`` values: a link that toggles the value, its label and count.

    Written here rather than as a template included once per value: a broad query lists up to
    ~230 people, reporters and other values, and their includes took ~11 ms of a page.
    """
    return mark_safe("\n".join(
        FACET_ITEM.format(
            url=escape(value.toggle_url),
            label=escape(value.label),
            # grouping separators start at thousands in every locale; intcomma costs ~8 µs a call
            count=escape(intcomma(value.count)) if value.count >= 1000 else value.count,
            **(SELECTED if value.selected else NOT_SELECTED),
        )
        for value in values
    ))
