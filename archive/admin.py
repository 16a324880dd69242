"""Admin registration for the archive's tables (the import and correction workflow builds on this)."""
from django.contrib import admin

from archive.models import Article, District, DistrictAlias, ImportRun, Issue, Meeting, Mention, Page, Person


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "position")


@admin.register(DistrictAlias)
class DistrictAliasAdmin(admin.ModelAdmin):
    list_display = ("name", "district", "kind")
    list_filter = ("district", "kind")
    search_fields = ("name",)


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ("date", "paper", "edition")
    date_hierarchy = "date"


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ("issue", "label", "source_file", "imported_at")
    list_select_related = ("issue",)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "publication_date", "page")
    list_filter = ("kind",)
    list_select_related = ("page__issue",)
    search_fields = ("headline",)


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("name", "note")
    search_fields = ("name",)


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ("person", "article", "titles", "roles")
    list_select_related = ("person", "article")


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("name", "date", "location")


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ("started_at", "user", "source", "outcome")
    list_filter = ("outcome", "source")
