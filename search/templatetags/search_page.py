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


# One bar of the date histogram, as the page's loop wrote it before ``histogram_items`` (same bytes).
BAR_ITEM = (
    '\n          <li class="{item_class}">\n            \n'
    '            <a href="{url}"{current}>\n'
    '              <span class="bar-label">{label}</span><span class="bar-count">'
    '<span class="visually-hidden">：</span>{count}<span class="visually-hidden">篇{state}</span></span>\n'
    '              <span class="bar share-{share}" aria-hidden="true"></span>\n'
    '            </a>\n            \n          </li>\n          '
)
EMPTY_BAR_ITEM = (
    '\n          <li class="">\n            \n'
    '            <span class="bar-empty"><span class="bar-label">{label}</span><span class="bar-count">'
    '<span class="visually-hidden">：</span>0<span class="visually-hidden">篇</span></span>'
    '<span class="bar share-0" aria-hidden="true"></span></span>\n            \n          </li>\n          '
)
SELECTED_BAR = {"item_class": "selected", "current": ' aria-current="true"', "state": "（已选）"}
NOT_SELECTED_BAR = dict.fromkeys(SELECTED_BAR, "")

# One result of the page, as the page's loop wrote it before ``hit_items`` (same bytes).
HIT_ITEM = (
    '\n        <li class="hit">\n'
    '          <h3><a href="{url}">{headline}</a></h3>\n'
    '          <p class="meta">\n'
    '            <time datetime="{day}">{date}</time>\n'
    '            <span>{edition}</span>{page}\n'
    '          </p>\n'
    '          {snippet}\n'
    '          {officials}\n'
    '          {districts}\n'
    '        </li>\n        '
)


def count_text(count: int):
    """``count|intcomma``: grouping separators start at thousands in every locale; intcomma costs ~8 µs a call."""
    return escape(intcomma(count)) if count >= 1000 else count


@register.filter
def histogram_items(bars) -> str:
    """The list items of ``presentation.Bar`` values: a bar linking to its year or month, or an empty one.

    Written here for the reason ``facet_items`` is: a loop over ~35 years in the template took ~2 ms of a page.
    The bar's width class is its percent halved, rounded as ``{% widthratio %}`` rounds.
    """
    return mark_safe("".join(
        BAR_ITEM.format(
            url=escape(bar.url),
            label=escape(bar.label),
            count=count_text(bar.count),
            share=round(bar.percent / 2),
            **(SELECTED_BAR if bar.selected else NOT_SELECTED_BAR),
        )
        if bar.url
        else EMPTY_BAR_ITEM.format(label=escape(bar.label))
        for bar in bars
    ))


@register.filter
def hit_items(rows) -> str:
    """The list items of ``presentation.Row`` values: headline (matches marked), date, edition, page, snippet,
    people and districts. Written here for the reason ``facet_items`` is: the template's loop over a
    page of 20 took ~1 ms, most of what the page adds to the API's answer."""
    return mark_safe("".join(
        HIT_ITEM.format(
            url=escape(row.url),
            headline=row.headline_html or escape(row.headline),
            day=escape(row.publication_date.isoformat()),
            date=escape(chinese_date(row.publication_date)),
            edition=escape(row.edition),
            page=f"<span>{escape(row.page)}版</span>" if row.page else "",
            snippet=f'<p class="snippet">{row.snippet_html}</p>' if row.snippet_html else "",
            officials=_tags("人物", row.officials),
            districts=_tags("区县", row.districts),
        )
        for row in rows
    ))


def _tags(label: str, links) -> str:
    if not links:
        return ""
    named = "、".join(f'<a href="{escape(link.url)}">{escape(link.label)}</a>' for link in links)
    return f'<p class="tags"><span class="label">{label}：</span>{named}</p>'


@register.filter
def chinese_date(day) -> str:
    """``day|date:"Y年n月j日"`` (2016年9月3日) without Django's format machinery, which cost ~0.3 ms of a page of 20."""
    return f"{day.year:04d}年{day.month}月{day.day}日"


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
            count=count_text(value.count),
            **(SELECTED if value.selected else NOT_SELECTED),
        )
        for value in values
    ))
