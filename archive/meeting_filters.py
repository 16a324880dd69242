"""The filter form of the meetings list: by year, district and person."""
from django import forms

from archive import queries
from archive.models import District, Person


class MeetingFilterForm(forms.Form):
    """``year``, ``district`` (slug) and ``official`` (person id), named as the search page's parameters."""

    year = forms.TypedChoiceField(label="年份", coerce=int, required=False, empty_value=None)
    district = forms.ModelChoiceField(
        label="区县", queryset=District.objects.all(), to_field_name="slug", required=False, empty_label="全部区县"
    )
    official = forms.ModelChoiceField(
        label="人物", queryset=Person.objects.all(), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = [(year, f"{year}年（{count}）") for year, count in queries.meeting_years()]
        self.fields["year"].choices = [("", "全部年份"), *years]

    def apply(self, meetings):
        """``meetings`` narrowed by every valid filter; invalid ones are ignored (the form shows their errors)."""
        if not self.is_bound:
            return meetings
        self.is_valid()
        year, district, person = (self.cleaned_data.get(name) for name in ("year", "district", "official"))
        if year:
            meetings = meetings.filter(date__year=year)
        if district:
            meetings = meetings.filter(queries.reported_in(district))
        if person:
            meetings = meetings.filter(queries.took_part(person))
        return meetings
