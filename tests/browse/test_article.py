"""The article page: everything a reader needs about one article."""
from django.urls import reverse


def test_article_shows_headline_subtitles_byline_and_paragraphs(client, archive):
    response = client.get(archive.lead.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 id="article-heading">市委常委会召开会议</h1>' in html
    assert '<p class="subtitle">研究部署秋季重点工作</p>' in html
    assert "记者 周文" in html and "通讯员 钱雨" in html
    assert "<p>市委常委会召开会议的正文第一段。</p>" in html and "<p>正文第二段。</p>" in html
    assert "2016年9月2日" in html and "01版" in html and "事件日期" in html


def test_article_lists_people_with_titles_stated_in_it_and_their_roles(client, archive):
    response = client.get(archive.lead.get_absolute_url())
    mentions = list(response.context["mentions"])
    assert [(m.person.name, m.titles) for m in mentions] == [
        ("周立成", ["市委书记"]), ("吴海川", ["市委副书记", "市长"]), ("郑秋实", ["温县县长"])
    ]
    html = response.content.decode()
    assert f'href="{archive.mayor.get_absolute_url()}"' in html
    assert "市委副书记、市长" in html and "（讲话）" in html and "（主持）" in html


def test_article_shows_its_meeting_districts_and_continuation(client, archive):
    response = client.get(archive.lead.get_absolute_url())
    assert response.context["meeting"] == archive.meeting
    assert response.context["continued_page"] == archive.continuation_page
    html = response.content.decode()
    assert "市委会议室" in html and "报道的会议活动" in html
    assert f'href="{archive.wenxian.get_absolute_url()}"' in html
    assert f'下转<a href="{archive.continuation_page.get_absolute_url()}">02版</a>' in html


def test_continuation_to_a_page_not_imported_is_plain_text(client, archive):
    archive.lead.continued_to = "A09版③"
    archive.lead.save()
    response = client.get(archive.lead.get_absolute_url())
    assert response.context["continued_page"] is None
    assert "下转A09版③" in response.content.decode()


def test_previous_and_next_follow_the_issue_reading_order(client, archive):
    first = client.get(archive.lead.get_absolute_url()).context
    assert first["previous_article"] is None and first["next_article"] == archive.photo
    middle = client.get(archive.photo.get_absolute_url()).context
    assert middle["previous_article"] == archive.lead and middle["next_article"] == archive.last_on_page
    last = client.get(archive.last_on_page.get_absolute_url()).context
    assert last["previous_article"] == archive.photo
    assert last["next_article"].page == archive.continuation_page


def test_article_offers_original_text_and_a_permalink(client, archive):
    response = client.get(archive.lead.get_absolute_url())
    html = response.content.decode()
    assert '<details class="original">' in html and "原版第一行" in html
    permalink = f"http://testserver{reverse('archive:article_detail', args=[archive.lead.pk])}"
    assert f'<link rel="canonical" href="{permalink}">' in html


def test_untitled_photo_uses_the_start_of_its_caption(client, archive):
    response = client.get(archive.photo.get_absolute_url())
    html = response.content.decode()
    assert "秋收时节，农民在田间劳作。" in html and "摄影 孙影" in html and "图片新闻" in html


def test_unknown_article_is_a_chinese_404_with_search(client, db):
    response = client.get(reverse("archive:article_detail", args=[999]))
    assert response.status_code == 404
    html = response.content.decode()
    assert "找不到这个页面" in html and 'role="search"' in html and 'href="/dates/"' in html
