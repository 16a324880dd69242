"""The filter form of the people list: a name (characters, pinyin or initials) and a title."""
from django import forms

from archive import queries

FILTER_CHARS = 40


class PeopleFilterForm(forms.Form):
    """``q``: 赵建国, 趙建國, zhaojianguo, "zhao jianguo" or zjg; ``title``: 市长 (people ever stated so)."""

    q = forms.CharField(label="姓名或拼音", max_length=FILTER_CHARS, required=False)
    title = forms.CharField(label="职务", max_length=FILTER_CHARS, required=False)

    def apply(self, people):
        """``people`` narrowed by every valid filter; invalid ones are ignored (the form shows their errors)."""
        if not self.is_bound:
            return people
        self.is_valid()
        name, title = (self.cleaned_data.get(field, "") for field in ("q", "title"))
        if name:
            people = people.filter(queries.people_named(name))
        if title:
            people = people.filter(queries.people_with_title(title))
        return people
