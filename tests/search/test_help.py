"""The search help page: linked from the search boxes, it explains every part of the query language and each
advanced-search field as ``search.query`` and ``search.schema`` define them."""
import re

from django.urls import reverse

from search.forms import MAX_QUERY_LENGTH
from search.schema import ADVANCED_FACETS, MAX_PAGE_NUMBER, SCOPES

HELP = reverse("search:help")


def test_help_page_explains_the_query_language_and_the_advanced_search(client, db):
    response = client.get(HELP)
    assert response.status_code == 200
    html = response.content.decode()
    for anchor in ("run", "and", "quote", "or", "not", "advanced"):
        assert f'id="{anchor}"' in html
    for example in ("<code>修武 OR 博爱</code>", "<code>招商 -签约</code>", "<code>\"焦作 日报\"</code>"):
        assert example in html
    assert "、".join(scope.label for scope in SCOPES) in html
    for facet in ADVANCED_FACETS:
        assert f"<strong>{facet.label}</strong>" in html
    assert f"1 到 {MAX_PAGE_NUMBER}" in html and f"最长 {MAX_QUERY_LENGTH} 个字" in html


def test_the_home_and_search_pages_link_their_search_box_to_the_help(client, db, search_index):
    for url in (reverse("archive:home"), reverse("search:search")):
        html = client.get(url, {"q": "会议"} if "search" in url else {}).content.decode()
        box = re.search(r'<form class="[^"]*search[^"]*" role="search" aria-label="全文检索".*?</form>', html, re.S)
        assert box and f'href="{HELP}"' in box.group(), url
