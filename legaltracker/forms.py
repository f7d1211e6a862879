"""Editor forms: the case page form that fills itself in from the docket, and manual docket entries.

Models are reached through the form's instance or the app registry: `models.py` imports this
module to name the case page's form.
"""

from django import forms
from django.apps import apps
from django.core.validators import URLValidator
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import AdminDateInput

from legaltracker.docket_lookup import LookupFailed, look_up_docket
from legaltracker.docket_numbers import is_recognised, normalise_docket_number

TITLE_HELP = "The short name readers know, for example “SEC v. Binance”."
LOOKUP_TITLE_HELP = (
    "Leave it empty to fill in the title, full caption and parties from CourtListener when you save; "
    "you can edit them afterwards."
)


class CasePageForm(WagtailAdminPageForm):
    """A new case needs only a court and a docket number; the rest comes from CourtListener on save."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._looked_up = None
        title = self.fields["title"]
        title.help_text = TITLE_HELP
        title.widget.attrs["placeholder"] = "Case name, for example SEC v. Binance"
        if self.is_new_case:
            for name in ("title", "slug"):
                if name in self.fields:
                    self.fields[name].required = False
            title.help_text = f"{TITLE_HELP} {LOOKUP_TITLE_HELP}"

    @property
    def is_new_case(self) -> bool:
        return self.instance.pk is None

    @property
    def is_preview(self) -> bool:
        # Wagtail's preview of a new page places it in the tree before validating the form, and the
        # create view does not: previews refresh as the editor types and must not spend the quota.
        return bool(self.instance.path)

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_new_case:
            return cleaned_data
        if cleaned_data.get("title"):
            return self._with_slug(cleaned_data)
        court, number = cleaned_data.get("court"), (cleaned_data.get("docket_number") or "").strip()
        if court is None or not is_recognised(number):
            if "title" not in self.errors:
                self.add_error("title", "Enter a title, or a court and docket number to fill it in from CourtListener.")
            return cleaned_data
        if self.is_preview:
            cleaned_data["title"] = f"{number} ({court.pk})"
            return self._with_slug(cleaned_data)
        if self._already_tracked(court, number):
            return cleaned_data  # the page's own validation names the case that tracks this docket
        try:
            self._looked_up = look_up_docket(court.pk, number)
        except LookupFailed as exc:
            self.add_error("title", str(exc))
            return cleaned_data
        cleaned_data["title"] = self._looked_up.title
        cleaned_data["caption"] = cleaned_data.get("caption") or self._looked_up.caption[:500]
        cleaned_data["courtlistener_docket_id"] = (
            cleaned_data.get("courtlistener_docket_id") or self._looked_up.docket_id
        )
        return self._with_slug(cleaned_data)

    def _already_tracked(self, court, number: str) -> bool:
        return (
            type(self.instance)
            .objects.filter(court=court, docket_number_normalised=normalise_docket_number(number))
            .exists()
        )

    def _with_slug(self, cleaned_data):
        """A slug from the title when the editor left it empty, unique among the case's siblings."""
        if "slug" in self.fields and not cleaned_data.get("slug") and cleaned_data.get("title"):
            base = slugify(cleaned_data["title"])[:240] or "case"
            slug, suffix = base, 1
            while self.parent_page and not self.instance._slug_is_available(slug, self.parent_page, self.instance):
                suffix += 1
                slug = f"{base}-{suffix}"
            cleaned_data["slug"] = slug
        return cleaned_data

    def save(self, commit=True):
        page = super().save(commit=False)
        if self._looked_up and not page.parties.all():
            Party = apps.get_model("legaltracker", "Party")
            page.parties = [
                Party(name=party["name"], role=party["role"] or "Party", sort_order=n)
                for n, party in enumerate(self._looked_up.parties)
            ]
        if commit:
            page.save()
        return page


class DocketEntryForm(forms.Form):
    """A docket entry no source covers, or a correction of one an editor added."""

    date_filed = forms.DateField(label="Date filed", widget=AdminDateInput, help_text="As the docket dates it.")
    entry_number = forms.IntegerField(
        label="Entry number",
        required=False,
        min_value=1,
        help_text="The court's number for the filing, when it has one.",
    )
    description = forms.CharField(
        label="Text",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The docket text as the court wrote it, for example “ORDER granting motion to stay.”",
    )
    document_url = forms.URLField(
        label="Document link",
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="A web address (http or https) where readers can read the filing.",
    )

    def __init__(self, *args, case, entry=None, **kwargs):
        self.case, self.entry = case, entry
        super().__init__(*args, **kwargs)

    def clean_document_url(self):
        url = self.cleaned_data["document_url"]
        if url and not url.lower().startswith(("http://", "https://")):
            raise forms.ValidationError("Use a web address starting with http:// or https://.")
        return url

    def clean_entry_number(self):
        number = self.cleaned_data["entry_number"]
        if number is None:
            return None
        same = self.case.docket_entries.filter(entry_number=number)
        if self.entry is not None:
            same = same.exclude(pk=self.entry.pk)
        clash = same.first()
        if clash:
            raise forms.ValidationError(
                f"Entry #{number} is already on the docket ({clash.get_source_display()}: "
                f"“{clash.description[:80]}”). Use another number, or leave it empty."
            )
        return number
