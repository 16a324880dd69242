"""The archive's data: issues and their pages, articles, people and their
mentions, meetings and districts.

Importer output (``archive.ingest.records``) is loaded into these tables by
``archive.loading``; nothing here parses text.
"""
import re

from django.conf import settings
from django.db import models
from django.urls import reverse

from archive.pinyin import name_pinyin

# A whole first sentence of a body: up to its first full stop, question or exclamation mark.
FIRST_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]")


class District(models.Model):
    """One of 焦作's eleven county-level units."""

    name = models.CharField("名称", max_length=20, unique=True)
    slug = models.SlugField("英文标识", max_length=30, unique=True)
    position = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = "区县"
        verbose_name_plural = "区县"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("archive:district_detail", kwargs={"slug": self.slug})


class DistrictAlias(models.Model):
    """Another name that resolves to a district: an alias, a town or a street office."""

    class Kind(models.TextChoices):
        ALIAS = "alias", "别称"
        TOWN = "town", "乡镇/街道"

    district = models.ForeignKey(District, on_delete=models.CASCADE, related_name="aliases", verbose_name="区县")
    name = models.CharField("名称", max_length=40, unique=True)
    kind = models.CharField("类型", max_length=10, choices=Kind.choices, default=Kind.ALIAS)

    class Meta:
        ordering = ["district__position", "kind", "name"]
        verbose_name = "地名别称"
        verbose_name_plural = "地名别称"

    def __str__(self):
        return f"{self.name} → {self.district.name}"

    def get_absolute_url(self):
        return self.district.get_absolute_url()


class Issue(models.Model):
    """One edition of the paper on one day (焦作日报 or a district edition such as 示范区)."""

    paper = models.CharField("报纸", max_length=40, default="焦作日报")
    edition = models.CharField("版别", max_length=40, default="焦作日报", db_index=True)
    date = models.DateField("出版日期", db_index=True)

    class Meta:
        ordering = ["-date", "edition"]
        verbose_name = "期次"
        verbose_name_plural = "期次"
        constraints = [
            models.UniqueConstraint(fields=["paper", "edition", "date"], name="issue_unique_paper_edition_date"),
        ]

    def __str__(self):
        return f"{self.paper}·{self.edition} {self.date:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("archive:issue_detail", kwargs={"date": self.date.isoformat(), "edition": self.edition})


class Origin(models.TextChoices):
    """Where an import came from: ``import_seeds``, ``import_pages`` or the admin's 导入版面."""

    SEED = "seed", "种子数据"
    COMMAND = "command", "命令行"
    ADMIN = "admin", "管理后台"


class Page(models.Model):
    """One imported page file; its raw text is kept verbatim so it can be re-parsed and shown.

    ``origin``, ``origin_path`` and ``imported_by`` say where the current version came from, so
    ``import_seeds`` can leave an editor's newer version alone (blank origin: imported before this was kept).
    """

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="pages", verbose_name="期次")
    label = models.CharField("版号", max_length=20, blank=True)
    source_file = models.CharField("源文件", max_length=255)
    raw_text = models.TextField("原始文本")
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    imported_at = models.DateTimeField("导入时间", auto_now=True)
    origin = models.CharField("版本来源", max_length=10, choices=Origin.choices, blank=True)
    origin_path = models.CharField("来源文件路径", max_length=500, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name="导入人",
    )

    class Meta:
        ordering = ["issue", "label", "source_file"]
        verbose_name = "版面"
        verbose_name_plural = "版面"
        constraints = [
            models.UniqueConstraint(fields=["issue", "source_file"], name="page_unique_issue_source_file"),
        ]

    def __str__(self):
        return f"{self.issue} {self.label or self.source_file}"

    def get_absolute_url(self):
        return reverse("archive:page_detail", kwargs={"pk": self.pk})


class Person(models.Model):
    """A named person. Names are not unique: two people may share one, and editors can split or merge.

    ``kind`` keeps the officials facet about officials: a person is an official once any
    article states a party or government post for them; villagers, entrepreneurs, experts
    and everyone named without such a post are "other".
    """

    class Kind(models.TextChoices):
        OFFICIAL = "official", "官员"
        OTHER = "other", "其他人物"

    name = models.CharField("姓名", max_length=20, db_index=True)
    kind = models.CharField("类别", max_length=10, choices=Kind.choices, default=Kind.OTHER, db_index=True)
    note = models.CharField("备注", max_length=100, blank=True, help_text="区分同名者的说明")
    pinyin = models.CharField("姓名拼音", max_length=120, blank=True, editable=False, db_index=True)
    initials = models.CharField("拼音首字母", max_length=20, blank=True, editable=False, db_index=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = "人物"
        verbose_name_plural = "人物"

    def __str__(self):
        return f"{self.name}（{self.note}）" if self.note else self.name

    def save(self, *args, **kwargs):
        """Keep the pinyin the people list searches (zhaojianguo, zjg) in step with the name."""
        self.pinyin, self.initials = name_pinyin(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "pinyin", "initials"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("archive:person_detail", kwargs={"pk": self.pk})


class Article(models.Model):
    """One article of a page, in reading order."""

    class Kind(models.TextChoices):
        NEWS = "news", "消息"
        PHOTO = "photo", "图片新闻"
        NOTICE = "notice", "通知公告"
        COMMENTARY = "commentary", "评论"
        FEATURE = "feature", "通讯特写"
        BRIEF = "brief", "简讯"
        AD = "ad", "广告"
        TEASER = "teaser", "导读"
        INDEX = "index", "索引表格"

    # Kinds that are page furniture rather than reports: searchable, but left out of latest lists and feeds.
    UNLISTED_KINDS = (Kind.PHOTO, Kind.AD, Kind.TEASER, Kind.INDEX)
    # What an article without a headline is called: never a half sentence of its body.
    UNTITLED_LABELS = {Kind.PHOTO: "图片说明", Kind.TEASER: "要闻导读", Kind.AD: "广告", Kind.NOTICE: "公告"}
    # A headline-less article whose first sentence is at most this long shows it after its label.
    TITLE_SENTENCE_CHARS = 30

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="articles", verbose_name="版面")
    order = models.PositiveIntegerField("版内顺序")
    kind = models.CharField("类型", max_length=12, choices=Kind.choices, default=Kind.NEWS)
    headline = models.CharField("标题", max_length=300, blank=True)
    subtitles = models.JSONField("引题/副题", default=list, blank=True)
    body = models.TextField("正文", blank=True, help_text="段落以换行分隔")
    reporters = models.JSONField("记者", default=list, blank=True)
    contributors = models.JSONField("通讯员/实习生", default=list, blank=True)
    photographers = models.JSONField("摄影", default=list, blank=True)
    publication_date = models.DateField("出版日期", db_index=True)
    class DatePrecision(models.TextChoices):
        DAY = "day", "确切日期"
        MONTH = "month", "月份"
        APPROXIMATE = "approximate", "大致日期（日前、近日、上周）"

    event_date = models.DateField("事件日期", null=True, blank=True, db_index=True)
    event_date_precision = models.CharField(
        "事件日期精度", max_length=12, choices=DatePrecision.choices, blank=True,
        help_text="确切日期：文中写明某日；月份：只写到月；大致日期：日前、近日、上周等，按出版日期估算",
    )
    continued_to = models.CharField("转版", max_length=40, blank=True)
    meeting = models.ForeignKey(
        "Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="articles", verbose_name="会议活动"
    )
    districts = models.ManyToManyField(District, related_name="articles", blank=True, verbose_name="区县")
    people = models.ManyToManyField(Person, through="Mention", related_name="articles", verbose_name="人物")
    source_key = models.CharField(
        "导入识别键", max_length=300, blank=True, editable=False,
        help_text="导入时的标题（无标题时为正文开头），重新导入时据此认出同一篇文章，即使编辑改过标题",
    )
    corrected_at = models.DateTimeField("编辑修改时间", null=True, blank=True, editable=False)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False,
        related_name="+", verbose_name="修改人",
    )

    class Meta:
        ordering = ["-publication_date", "page_id", "order"]
        verbose_name = "文章"
        verbose_name_plural = "文章"
        constraints = [
            models.UniqueConstraint(fields=["page", "order"], name="article_unique_page_order"),
        ]
        indexes = [
            models.Index(fields=["kind", "publication_date"], name="article_kind_date_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("archive:article_detail", kwargs={"pk": self.pk})

    @property
    def title(self):
        """The headline; without one, the kind's label (图片说明, 广告…), followed by the body's first
        sentence when that is short and whole (图片说明：夜幕中的东小巷。), never a cut-off half sentence."""
        if self.headline:
            return self.headline
        label = self.UNTITLED_LABELS.get(self.kind) or self.get_kind_display()
        sentence = FIRST_SENTENCE.match(self.body.strip())
        if sentence and len(sentence.group()) <= self.TITLE_SENTENCE_CHARS:
            return f"{label}：{sentence.group()}"
        return label

    @property
    def paragraphs(self):
        return [p for p in self.body.split("\n") if p]


class Mention(models.Model):
    """A person named in an article, with the titles stated for them there and their roles.

    ``link`` says how a mention without a stated title (a bare name) was tied to an official
    elsewhere in the archive (``archive.linking``); ``linked_titles`` are the titles that official
    held then (their nearest titled mention), never stated in this article, so kept apart from
    ``titles``. ``candidates`` are the officials an editor chooses from when the link is unsure.
    """

    class Role(models.TextChoices):
        PRESIDED = "presided", "主持"
        SPOKE = "spoke", "讲话"
        ATTENDED = "attended", "出席"
        MENTIONED = "mentioned", "提及"

    class Link(models.TextChoices):
        NONE = "", "无需关联"
        INFERRED = "inferred", "按同期报道推断"
        AMBIGUOUS = "ambiguous", "同期有多位同名官员"
        OUTSIDE = "outside", "同名官员不在同期"
        CONFIRMED = "confirmed", "编辑已确认"

    # Links shown to editors as still to be decided.
    UNDECIDED_LINKS = (Link.AMBIGUOUS, Link.OUTSIDE)

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions", verbose_name="文章")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="mentions", verbose_name="人物")
    position = models.PositiveSmallIntegerField("文中顺序", default=0)
    titles = models.JSONField("职务", default=list, blank=True)
    roles = models.JSONField("角色", default=list, blank=True)
    link = models.CharField("关联方式", max_length=10, choices=Link.choices, blank=True, default="", db_index=True)
    linked_titles = models.JSONField(
        "推断职务", default=list, blank=True, help_text="文中未写职务时，此人在最近一篇写明职务的报道中的职务"
    )
    candidates = models.ManyToManyField(
        Person, related_name="candidate_mentions", blank=True, verbose_name="候选人物"
    )

    class Meta:
        ordering = ["article", "position"]
        verbose_name = "人物提及"
        verbose_name_plural = "人物提及"
        constraints = [
            models.UniqueConstraint(fields=["article", "person"], name="mention_unique_article_person"),
        ]

    def __str__(self):
        titles = "、".join(self.titles)
        return f"{titles}{self.person.name}" if titles else self.person.name

    def get_absolute_url(self):
        return self.article.get_absolute_url()


class Meeting(models.Model):
    """A meeting, visit or ceremony: one event, reported by one or more articles (``articles``).

    A person is in at most one of its people lists, with their strongest role (主持 > 讲话 > 出席).
    """

    name = models.CharField("会议名称", max_length=200)
    date = models.DateField("日期", null=True, blank=True, db_index=True)
    location = models.CharField("地点", max_length=200, blank=True)
    presided_by = models.ManyToManyField(Person, related_name="meetings_presided", blank=True, verbose_name="主持")
    speakers = models.ManyToManyField(Person, related_name="meetings_spoken", blank=True, verbose_name="讲话")
    attendees = models.ManyToManyField(Person, related_name="meetings_attended", blank=True, verbose_name="出席")

    class Meta:
        ordering = ["-date", "pk"]
        verbose_name = "会议活动"
        verbose_name_plural = "会议活动"

    def __str__(self):
        return f"{self.name}（{self.date:%Y-%m-%d}）" if self.date else self.name

    def get_absolute_url(self):
        return reverse("archive:meeting_detail", kwargs={"pk": self.pk})

    @property
    def reports(self):
        """The articles reporting the meeting, earliest first (uses the prefetch of ``meetings_for_listing``)."""
        return sorted(self.articles.all(), key=lambda a: (a.publication_date, a.page_id, a.order))

    @property
    def districts(self):
        """The districts of the articles reporting the meeting, each once, in the districts' order."""
        found = {d.pk: d for article in self.articles.all() for d in article.districts.all()}
        return sorted(found.values(), key=lambda d: (d.position, d.name))


class ImportRun(models.Model):
    """One import attempt (command or admin), kept whatever its outcome, for the editors' audit trail."""

    class Outcome(models.TextChoices):
        IMPORTED = "imported", "已导入"
        UNCHANGED = "unchanged", "未变化，已跳过"
        KEPT = "kept", "保留现有版本，已跳过"
        FAILED = "failed", "失败"

    started_at = models.DateTimeField("时间", auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name="操作人"
    )
    source = models.CharField("来源", max_length=20, choices=Origin.choices, default=Origin.COMMAND)
    files = models.JSONField("文件", default=list)
    counts = models.JSONField("数量", default=dict, blank=True)
    outcome = models.CharField("结果", max_length=12, choices=Outcome.choices)
    error = models.TextField("错误信息", blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = "导入记录"
        verbose_name_plural = "导入记录"

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M} {self.get_outcome_display()}"

    def get_absolute_url(self):
        return reverse("admin:archive_importrun_change", args=[self.pk])


class UndecidedMention(Mention):
    """Bare names not tied to one official (``archive.linking``), as editors review and confirm them."""

    class Meta:
        proxy = True
        verbose_name = "待核对人物"
        verbose_name_plural = "待核对人物"
