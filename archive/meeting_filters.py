"""The filter form of the meetings list: by district and by person."""
from django import forms
from django.db.models import Q

from archive.models import District, Person


class MeetingFilterForm(forms.Form):
    """``district`` (slug) and ``official`` (person id), as in the search page's parameters."""

    district = forms.ModelChoiceField(
        label="区县", queryset=District.objects.all(), to_field_name="slug", required=False, empty_label="全部区县"
    )
    official = forms.ModelChoiceField(
        label="人物", queryset=Person.objects.all(), required=False, widget=forms.HiddenInput
    )

    def apply(self, meetings):
        """``meetings`` narrowed to the valid filters; invalid values are ignored (and reported by the form)."""
        if not self.is_bound or not self.is_valid():
            return meetings
        district, person = self.cleaned_data["district"], self.cleaned_data["official"]
        if district:
            meetings = meetings.filter(article__districts=district)
        if person:
            meetings = meetings.filter(Q(presided_by=person) | Q(speakers=person) | Q(attendees=person)).distinct()
        return meetings
