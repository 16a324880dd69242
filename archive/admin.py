"""The editors' admin: import pages (see ``archive.admin_import``), correct articles and their
people inline, merge and split people, edit district aliases, read the import audit trail.

The search index follows these edits through model signals and ``articles_changed``.
"""
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import widgets
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from archive.admin_import import PageImportView
from archive.corrections import mark_corrected, merge_people, split_person
from archive.forms import IssueDateField, ListTextField
from archive.linking import confirm_link, nearest_titled, relink
from archive.models import (
    Article,
    District,
    DistrictAlias,
    ImportRun,
    Issue,
    Meeting,
    Mention,
    Page,
    Person,
    UndecidedMention,
)
from archive.templatetags.browse import role_labels


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "position", "alias_count")
    search_fields = ("name", "aliases__name")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(alias_count=Count("aliases"))

    @admin.display(description="别称数", ordering="alias_count")
    def alias_count(self, obj):
        return obj.alias_count


@admin.register(DistrictAlias)
class DistrictAliasAdmin(admin.ModelAdmin):
    list_display = ("name", "district", "kind")
    list_editable = ("district", "kind")
    list_filter = ("district", "kind")
    list_select_related = ("district",)
    search_fields = ("name", "district__name")
    list_per_page = 100


class IssueForm(forms.ModelForm):
    date = IssueDateField(label="出版日期", widget=widgets.AdminDateWidget)

    class Meta:
        model = Issue
        fields = ("paper", "edition", "date")


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    form = IssueForm
    list_display = ("date", "paper", "edition")
    list_filter = ("edition",)
    date_hierarchy = "date"


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ("issue", "label", "source_file", "article_count", "imported_at", "origin", "imported_by")
    list_filter = ("issue__edition", "origin")
    list_select_related = ("issue",)
    search_fields = ("source_file", "label")
    date_hierarchy = "issue__date"
    fields = (
        "issue", "label", "source_file", "sha256", "imported_at", "origin", "origin_path", "imported_by", "raw_text",
    )
    readonly_fields = tuple(name for name in fields if name != "label")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="文章数", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count

    def has_add_permission(self, request):
        """Pages are created only by 导入版面 (which needs add_page), never typed in by hand."""
        return False

    def get_urls(self):
        view = self.admin_site.admin_view(PageImportView.as_view(model_admin=self))
        return [path("import/", view, name="archive_page_import"), *super().get_urls()]


class MentionForm(forms.ModelForm):
    """A mention with its titles and roles edited as "、"-separated text; roles shown and accepted in Chinese."""

    titles = ListTextField(label="职务", required=False, help_text="多个以“、”分隔")
    roles = ListTextField(label="角色", required=False, help_text="主持、讲话、出席、提及")

    class Meta:
        model = Mention
        fields = ("person", "position", "titles", "roles")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Mention.Role.choices)
        self.initial["roles"] = [labels.get(role, role) for role in self.initial.get("roles", [])]

    def clean_roles(self):
        by_label = {label: value for value, label in Mention.Role.choices}
        roles = [by_label.get(role, role) for role in self.cleaned_data["roles"]]
        unknown = [role for role in roles if role not in Mention.Role.values]
        if unknown:
            raise forms.ValidationError(f"未知角色：{'、'.join(unknown)}。可用：{'、'.join(Mention.Role.labels)}")
        return list(dict.fromkeys(roles))


class MentionInline(admin.TabularInline):
    model = Mention
    form = MentionForm
    extra = 0
    autocomplete_fields = ("person",)
    ordering = ("position",)


class ArticleForm(forms.ModelForm):
    reporters = ListTextField(label="记者", required=False)
    contributors = ListTextField(label="通讯员/实习生", required=False)
    photographers = ListTextField(label="摄影", required=False)
    subtitles = ListTextField(label="引题/副题", required=False, separator="\n", help_text="每行一条")
    publication_date = IssueDateField(label="出版日期", widget=widgets.AdminDateWidget)

    class Meta:
        model = Article
        fields = (
            "page", "order", "kind", "headline", "subtitles", "publication_date", "event_date",
            "reporters", "contributors", "photographers", "body", "continued_to", "districts", "meeting",
        )
        widgets = {"districts": forms.CheckboxSelectMultiple}


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    list_display = ("title", "kind", "publication_date", "event_date", "page_column")
    list_filter = ("kind", "publication_date", "districts")
    list_select_related = ("page__issue",)
    search_fields = ("headline", "body")
    date_hierarchy = "publication_date"
    raw_id_fields = ("page", "meeting")
    fieldsets = (
        (None, {"fields": ("page", "order", "kind", "headline", "subtitles", "publication_date", "event_date")}),
        ("署名", {"fields": ("reporters", "contributors", "photographers")}),
        ("正文", {"fields": ("body", "continued_to", "districts", "meeting")}),
        ("修改记录", {"fields": ("corrected_at", "corrected_by")}),
    )
    inlines = (MentionInline,)

    def get_readonly_fields(self, request, obj=None):
        """An article stays on its page and in its place; both are chosen only when adding one."""
        return ("page", "order", "corrected_at", "corrected_by") if obj else ("corrected_at", "corrected_by")

    def save_related(self, request, form, formsets, change):
        """Saving the article or its people by hand marks it corrected, so a re-import keeps the edit."""
        super().save_related(request, form, formsets, change)
        if form.has_changed() or any(formset.has_changed() for formset in formsets):
            mark_corrected([form.instance.pk], request.user)

    @admin.display(description="标题", ordering="headline")
    def title(self, obj):
        return obj.title

    @admin.display(description="版面", ordering="page__label")
    def page_column(self, obj):
        """The edition and page label (the date has its own column)."""
        return f"{obj.page.issue.edition} {obj.page.label or obj.page.source_file}"


class SplitPersonForm(forms.Form):
    mentions = forms.ModelMultipleChoiceField(
        label="属于新人物的提及", queryset=Mention.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    name = forms.CharField(label="新人物姓名", max_length=20, required=False, help_text="留空则与原人物同名")
    note = forms.CharField(label="新人物备注", max_length=100, help_text="用于区分同名者，如单位、职务")

    def __init__(self, person, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentions"].queryset = person.mentions.select_related("article__page__issue")
        self.fields["mentions"].label_from_instance = mention_label


def mention_label(mention):
    article = mention.article
    titles = "、".join(mention.titles) or "无职务"
    return f"{article.publication_date:%Y-%m-%d}《{article.title}》— {titles}"


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("name", "note", "mention_count")
    search_fields = ("name", "note")
    actions = ("merge_selected",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(mention_count=Count("mentions"))

    @admin.display(description="提及次数", ordering="mention_count")
    def mention_count(self, obj):
        return obj.mention_count

    def get_urls(self):
        view = self.admin_site.admin_view(self.split_view)
        return [path("<int:pk>/split/", view, name="archive_person_split"), *super().get_urls()]

    @admin.action(description="合并所选人物（同一人）", permissions=["change"])
    def merge_selected(self, request, queryset):
        people = list(queryset.order_by("-mention_count", "pk"))
        if len(people) < 2:
            self.message_user(request, "请至少选择两个人物进行合并。", messages.WARNING)
            return None
        target_pk = request.POST.get("target")
        target = next((person for person in people if str(person.pk) == target_pk), None)
        if target is None:
            context = {
                **self.admin_site.each_context(request),
                "title": "合并人物",
                "opts": self.model._meta,
                "people": people,
                "action_name": "merge_selected",
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/archive/person/merge.html", context)
        with transaction.atomic():
            articles = merge_people(target, people, user=request.user) | relink({person.name for person in people})
        self.message_user(
            request, f"已将 {len(people) - 1} 个人物合并到“{target}”，涉及 {len(articles)} 篇文章。", messages.SUCCESS
        )
        return None

    def split_view(self, request, pk):
        """Choose the mentions that belong to a different person of the same name, and move them to a new Person."""
        person = get_object_or_404(Person, pk=pk)
        if not self.has_change_permission(request, person) or not self.has_add_permission(request):
            raise PermissionDenied
        form = SplitPersonForm(person, request.POST or None)
        if request.method == "POST" and form.is_valid():
            chosen = form.cleaned_data["mentions"]
            with transaction.atomic():
                newcomer = split_person(
                    person, chosen, form.cleaned_data["note"], form.cleaned_data["name"], user=request.user
                )
                relink({person.name, newcomer.name})
            self.message_user(request, f"已拆分出新人物“{newcomer}”（{len(chosen)} 条提及）。", messages.SUCCESS)
            return redirect(reverse("admin:archive_person_change", args=[newcomer.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": f"拆分人物：{person}",
            "opts": self.model._meta,
            "original": person,
            "form": form,
        }
        return TemplateResponse(request, "admin/archive/person/split.html", context)


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    form = MentionForm
    list_display = ("person", "article", "titles_column", "roles_column")
    list_select_related = ("person", "article")
    search_fields = ("person__name", "article__headline")
    autocomplete_fields = ("person",)
    raw_id_fields = ("article",)

    fields = ("article", "person", "position", "titles", "roles")

    @admin.display(description="职务")
    def titles_column(self, obj):
        return "、".join(obj.titles)

    @admin.display(description="角色")
    def roles_column(self, obj):
        return role_labels(obj.roles)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        mark_corrected([obj.article_id], request.user)


def candidate_label(person: Person, day) -> str:
    """A candidate official as an editor tells namesakes apart: with the titles of their report nearest to ``day``."""
    nearest = nearest_titled(person, day)
    if nearest is None:
        return str(person)
    return f"{person}（{'、'.join(nearest[1])}，{nearest[0]:%Y-%m-%d}）"


class ConfirmLinkForm(forms.ModelForm):
    """The editor's choice among the candidates of an undecided bare name."""

    person = forms.ModelChoiceField(
        label="确认为", queryset=Person.objects.none(), widget=forms.RadioSelect, empty_label=None,
        help_text="所列为同名官员及其离本文日期最近的署职务报道；确认后本文标记为编辑修改，重新导入不会改变。",
    )

    class Meta:
        model = UndecidedMention
        fields = ("person",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        day = self.instance.article.publication_date
        field = self.fields["person"]
        field.queryset = self.instance.candidates.all()
        field.label_from_instance = lambda person: candidate_label(person, day)
        self.initial.pop("person", None)


@admin.register(UndecidedMention)
class UndecidedMentionAdmin(admin.ModelAdmin):
    """Bare names not tied to one official (``archive.linking``): an editor confirms which official each is.

    Guarded by the mention permissions: confirming changes a mention, as the article's people inline does.
    """

    form = ConfirmLinkForm
    list_display = ("name", "article_title", "publication_date", "link", "candidate_list")
    list_filter = ("link",)
    list_select_related = ("person", "article")
    search_fields = ("person__name", "article__headline")
    list_per_page = 50
    fields = ("name", "article_title", "publication_date", "link", "person")
    readonly_fields = ("name", "article_title", "publication_date", "link")

    def get_queryset(self, request):
        undecided = (*Mention.UNDECIDED_LINKS, Mention.Link.CONFIRMED)
        return super().get_queryset(request).filter(link__in=undecided).prefetch_related("candidates")

    def get_fields(self, request, obj=None):
        if obj is not None and obj.link == Mention.Link.CONFIRMED:
            return ("name", "article_title", "publication_date", "link", "confirmed_as")
        return self.fields

    @admin.display(description="姓名", ordering="person__name")
    def name(self, obj):
        return obj.person.name

    @admin.display(description="文章")
    def article_title(self, obj):
        return obj.article.title

    @admin.display(description="出版日期", ordering="article__publication_date")
    def publication_date(self, obj):
        return obj.article.publication_date

    @admin.display(description="候选官员")
    def candidate_list(self, obj):
        day = obj.article.publication_date
        return "；".join(candidate_label(person, day) for person in obj.candidates.all()) or "—"

    @admin.display(description="已确认为")
    def confirmed_as(self, obj):
        return candidate_label(obj.person, obj.article.publication_date)

    def save_model(self, request, obj, form, change):
        confirm_link(obj, form.cleaned_data["person"], request.user)

    def save_related(self, request, form, formsets, change):
        """The candidates are cleared by ``confirm_link``; the form has no relations of its own to save."""

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("archive.view_mention") or self.has_change_permission(request)

    def has_change_permission(self, request, obj=None):
        undecided = obj is None or obj.link in Mention.UNDECIDED_LINKS
        return undecided and request.user.has_perm("archive.change_mention")


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("name", "date", "location")
    search_fields = ("name", "location")
    date_hierarchy = "date"
    autocomplete_fields = ("presided_by", "speakers", "attendees")

    def save_related(self, request, form, formsets, change):
        """A meeting belongs to its article: editing it by hand marks the article corrected."""
        super().save_related(request, form, formsets, change)
        mark_corrected([form.instance.article_id], request.user)


COUNT_LABELS = {
    "articles": "文章", "people": "人物", "mentions": "提及", "meetings": "会议活动", "districts": "区县",
    "added": "新增文章", "changed": "修改文章", "removed": "删除文章",
    "corrections_kept": "保留编辑修改", "corrections_lost": "删除编辑修改过的文章",
}


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    """The audit trail: read-only for everyone, failed runs included; its list links to 导入版面 like the pages'."""

    change_list_template = "admin/archive/page/change_list.html"
    list_display = ("started_at", "user", "source", "outcome", "file_list", "count_summary")
    list_filter = ("outcome", "source")
    list_select_related = ("user",)
    date_hierarchy = "started_at"
    fields = ("started_at", "user", "source", "outcome", "file_list", "count_summary", "error")
    readonly_fields = fields

    @admin.display(description="文件")
    def file_list(self, obj):
        return "、".join(str(item.get("name", item) if isinstance(item, dict) else item) for item in obj.files)

    @admin.display(description="数量")
    def count_summary(self, obj):
        return "，".join(f"{COUNT_LABELS.get(key, key)} {value}" for key, value in obj.counts.items())

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
