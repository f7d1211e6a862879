"""Court cases: the case page editors own, and the docket data only `services` writes."""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import InvalidPage, Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from legaltracker import help_texts as hints
from legaltracker.case_index_page import CaseIndexPage  # noqa: F401 (a model of this app, defined there)
from legaltracker.conf import app_settings, content_fragment_seconds
from legaltracker.docket_numbers import is_recognised, normalise_docket_number
from legaltracker.forms import CasePageForm
from legaltracker.links import absolute_page_url, absolute_url
from legaltracker.panels import CaseStatusPanel
from legaltracker.previews import label_draft_preview
from legaltracker.statuses import Health, RefreshFailure, Source, Status
from legaltracker.vocabulary import Allegation, CaseParty

TIMELINE_PAGE_SIZE = 25


class Court(models.Model):
    id = models.CharField(
        "CourtListener court id", max_length=20, primary_key=True, help_text="For example: dcd, nysd."
    )
    name = models.CharField(max_length=200, help_text=hints.COURT_NAME)
    pacer_rss_url = models.URLField(
        "PACER RSS feed",
        blank=True,
        help_text="The court's public docket feed; one poll refreshes every tracked case here.",
    )
    feed_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    feed_last_build = models.CharField(max_length=64, blank=True, editable=False)
    feed_health = models.CharField(max_length=10, choices=Health.choices, default=Health.OK, editable=False)
    feed_message = models.CharField(max_length=300, blank=True, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CasePage(Page):
    """A lawsuit. `title` is the short name readers know ("SEC v. Binance")."""

    caption = models.CharField(max_length=500, blank=True, help_text=hints.CAPTION)
    court = models.ForeignKey(Court, on_delete=models.PROTECT, related_name="cases", help_text=hints.COURT)
    docket_number = models.CharField(max_length=64, help_text="As the court writes it, for example 1:23-cv-01599.")
    docket_number_normalised = models.CharField(max_length=64, editable=False, db_index=True)
    courtlistener_docket_id = models.PositiveBigIntegerField(
        "CourtListener docket id", null=True, blank=True, help_text=hints.DOCKET_ID
    )
    judge = models.CharField(max_length=200, blank=True, help_text=hints.FROM_DOCKET)
    referred_judge = models.CharField(
        "Referred magistrate judge", max_length=200, blank=True, help_text=hints.FROM_DOCKET
    )
    date_filed = models.DateField(null=True, blank=True, help_text=hints.FROM_DOCKET)
    date_terminated = models.DateField("Date ended", null=True, blank=True, help_text=hints.FROM_DOCKET)
    brought_by = ParentalManyToManyField(CaseParty, blank=True, related_name="cases", help_text=hints.BROUGHT_BY)
    allegations = ParentalManyToManyField(Allegation, blank=True, related_name="cases", help_text=hints.ALLEGATIONS)
    summary = RichTextField(blank=True, features=["bold", "italic", "link", "ul"], help_text=hints.SUMMARY)
    tracking = models.BooleanField("Follow the docket", default=True, help_text=hints.TRACKING)

    base_form_class = CasePageForm
    # The live status comes first: it is what an editor opening a case most often needs.
    content_panels = [
        CaseStatusPanel(),
        *Page.content_panels,
        FieldPanel("caption"),
        MultiFieldPanel(
            [FieldPanel(name) for name in ("court", "docket_number", "courtlistener_docket_id", "tracking")],
            heading="Docket",
        ),
        MultiFieldPanel(
            [FieldPanel(name) for name in ("judge", "referred_judge", "date_filed", "date_terminated")],
            heading="Court details (empty fields are filled in from the docket)",
        ),
        FieldPanel("brought_by", widget=forms.CheckboxSelectMultiple),
        FieldPanel("allegations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("summary"),
        InlinePanel("parties", heading="Parties", label="party", help_text=hints.PARTIES),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("caption"),
        index.SearchField("docket_number"),
        index.SearchField("summary"),
        index.FilterField("docket_number_normalised"),
    ]
    search_type_label = "Case"  # site search labels results with it
    parent_page_types = ["legaltracker.CaseIndexPage"]
    subpage_types: list[str] = []
    template = "legaltracker/case_page.html"

    @classmethod
    def routing_queryset(cls):
        """How routing loads a case: with the court and status its page shows."""
        return cls.objects.select_related("court", "status")

    def clean(self):
        super().clean()
        if not is_recognised(self.docket_number):
            raise ValidationError(
                {"docket_number": "Use the court's form, for example 1:23-cv-01599 (office:year-type-number)."}
            )
        duplicate = (
            CasePage.objects.filter(
                court_id=self.court_id, docket_number_normalised=normalise_docket_number(self.docket_number)
            )
            .exclude(pk=self.pk)
            .first()
        )
        if duplicate:
            raise ValidationError({"docket_number": f"This docket is already tracked as “{duplicate.title}”."})

    def save(self, *args, **kwargs):
        self.docket_number = self.docket_number.strip()
        self.docket_number_normalised = normalise_docket_number(self.docket_number)
        super().save(*args, **kwargs)

    # What readers see: the editor's value when there is one, else what the docket says.
    def _from_docket(self, field: str):
        value = getattr(self, field)
        if value:
            return value
        status = getattr(self, "status", None)
        return getattr(status, field, None) if status else None

    def search_text(self) -> str:
        """What a search result's snippet is cut from."""
        return " ".join(filter(None, [self._from_docket("caption"), strip_tags(self.summary), self.docket_number]))

    @property
    def display_caption(self) -> str:
        return self._from_docket("caption") or self.title

    @property
    def display_judge(self) -> str:
        return self._from_docket("judge") or ""

    @property
    def display_referred_judge(self) -> str:
        return self._from_docket("referred_judge") or ""

    @property
    def display_date_filed(self):
        return self._from_docket("date_filed")

    @property
    def display_date_terminated(self):
        return self._from_docket("date_terminated")

    @property
    def resolved_courtlistener_id(self) -> int | None:
        return self._from_docket("courtlistener_docket_id")

    @property
    def courtlistener_url(self) -> str:
        docket_id = self.resolved_courtlistener_id
        return f"https://www.courtlistener.com/docket/{docket_id}/" if docket_id else ""

    def timeline(self, page_number=None):
        """A page of the case's docket entries, newest first; an unknown page number shows the first."""
        entries = self.docket_entries.order_by(
            models.F("date_filed").desc(nulls_last=True), models.F("entry_number").desc(nulls_last=True), "-pk"
        )
        paginator = Paginator(entries, TIMELINE_PAGE_SIZE)
        try:
            return paginator.page(page_number or 1)
        except InvalidPage:
            return paginator.page(1)

    def serve_preview(self, request, mode_name):
        published = bool(self.pk and self.live)
        return label_draft_preview(super().serve_preview(request, mode_name), published, what="case page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["legaltracker_base_template"] = app_settings.LEGALTRACKER_BASE_TEMPLATE
        context["oembed_url"] = (
            absolute_url("legaltracker:oembed", request=request)
            + "?"
            + urlencode({"url": absolute_page_url(self, request), "format": "json"})
        )
        # Lazy: when the page's content fragment is cached, the timeline is never read.
        context["timeline"] = SimpleLazyObject(lambda: self.timeline(page_number=request.GET.get("page")))
        context["case_status"] = getattr(self, "status", None)
        context["fragment_seconds"] = content_fragment_seconds(request)
        return context


class Party(Orderable):
    case = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="parties")
    name = models.CharField(max_length=300, help_text="As the docket names them.")
    role = models.CharField(max_length=60, help_text="For example: Plaintiff, Defendant, Intervenor.")

    panels = [FieldPanel("name"), FieldPanel("role")]

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"


class DocketEntry(models.Model):
    case = models.ForeignKey(CasePage, on_delete=models.CASCADE, related_name="docket_entries")
    source = models.CharField(max_length=20, choices=Source.choices)
    source_id = models.CharField(max_length=128, help_text="The source's own id, or a hash of the item.")
    entry_number = models.PositiveIntegerField(null=True, blank=True)
    date_filed = models.DateField(null=True, blank=True)
    description = models.TextField(help_text="Plain text as the court wrote it; never rendered as HTML.")
    short_description = models.CharField(
        max_length=200, blank=True, help_text="The court's name for the kind of document, when the source gives it."
    )
    document_url = models.URLField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.CharField(max_length=150, blank=True, help_text=hints.RECORDED_BY)

    class Meta:
        verbose_name_plural = "docket entries"
        ordering = ["-date_filed", "-entry_number", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["case", "source", "source_id"], name="docket_entry_unique_per_source"),
        ]
        indexes = [models.Index(fields=["case", "-date_filed", "-entry_number"], name="docket_entry_timeline")]

    def __str__(self) -> str:
        number = f"#{self.entry_number} " if self.entry_number else ""
        return f"{number}{self.date_filed or ''} {self.description[:80]}"

    @property
    def safe_document_url(self) -> str:
        """The document link if it is http(s); rows stored before links were checked may hold anything."""
        from legaltracker.sources.validation import safe_url

        return safe_url(self.document_url)


class CaseStatus(models.Model):
    """One row per case: derived status and what the sources last said. Written only by services."""

    case = models.OneToOneField(CasePage, on_delete=models.CASCADE, related_name="status", primary_key=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.FILED)
    derived_status = models.CharField(max_length=12, choices=Status.choices, default=Status.FILED)
    status_entry = models.ForeignKey(DocketEntry, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    status_rule = models.CharField(
        max_length=80, blank=True, help_text="The status engine's rule that set the derived status."
    )
    headline = models.CharField(max_length=300, blank=True)
    last_event_date = models.DateField(null=True, blank=True)
    override_status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    override_reason = models.TextField(blank=True)
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    override_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveBigIntegerField(default=1)
    last_checked = models.DateTimeField(null=True, blank=True)
    last_changed = models.DateTimeField(null=True, blank=True)
    next_refresh_at = models.DateTimeField(null=True, blank=True, db_index=True)
    health = models.CharField(max_length=10, choices=Health.choices, default=Health.OK)
    health_message = models.CharField(max_length=300, blank=True)
    # Docket metadata as the sources report it; the page's own fields take precedence.
    courtlistener_docket_id = models.PositiveBigIntegerField(null=True, blank=True)
    caption = models.CharField(max_length=500, blank=True)
    judge = models.CharField(max_length=200, blank=True)
    referred_judge = models.CharField(max_length=200, blank=True)
    date_filed = models.DateField(null=True, blank=True)
    date_terminated = models.DateField(null=True, blank=True)
    date_last_filing = models.DateField(null=True, blank=True)
    parties = models.JSONField(default=list, blank=True)
    entries_watermark = models.DateTimeField(
        null=True, blank=True, help_text="Newest CourtListener date_modified seen."
    )
    entries_access = models.CharField(
        max_length=12, blank=True, help_text="'forbidden' when the account may not read docket entries."
    )
    # A walk through CourtListener's docket entries, one page at a time: each page is applied and its
    # `next` URL saved with it, so a walk cut short by the quota resumes where it stopped.
    entries_cursor = models.TextField(blank=True, help_text="CourtListener's `next` URL of an unfinished entry walk.")
    backfill_done = models.BooleanField(default=False, help_text="The docket's whole history has been read once.")
    backfill_total = models.PositiveIntegerField(
        null=True, blank=True, help_text="Entries CourtListener reported when the backfill started."
    )
    backfill_fetched = models.PositiveIntegerField(default=0, help_text="Entries read so far by the backfill.")
    backfill_started_at = models.DateTimeField(null=True, blank=True)
    docket_checked_at = models.DateTimeField(null=True, blank=True)
    # Failures that waiting will not fix (no such docket, refused, malformed) push the next refresh
    # out further each time and stop after a few; an editor's save starts afresh.
    failure_kind = models.CharField(max_length=12, choices=RefreshFailure.choices, blank=True)
    failure_count = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name_plural = "case statuses"

    def __str__(self) -> str:
        return f"{self.case_id}: {self.status}"

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def is_overridden(self) -> bool:
        return bool(self.override_status)

    @property
    def is_backfilling(self) -> bool:
        """The first full read of the docket's history has started and not finished."""
        return bool(self.entries_cursor) and not self.backfill_done

    @property
    def backfill_progress(self) -> str:
        """ "backfilling: 200 of about 620 entries" while the docket's history is loading; else ""."""
        if not self.is_backfilling:
            return ""
        if self.backfill_total:
            return f"backfilling: {self.backfill_fetched} of about {self.backfill_total} entries"
        return f"backfilling: {self.backfill_fetched} entries so far"


class StatusChange(models.Model):
    """Append-only audit trail of every status change."""

    case = models.ForeignKey(CasePage, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=Status.choices)
    cause_entry = models.ForeignKey(DocketEntry, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    rule = models.CharField(max_length=80, blank=True, help_text="The status engine's rule, for derived changes.")
    source = models.CharField(max_length=20)
    actor = models.CharField(max_length=150, help_text="The task or the editor that made the change.")
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.from_status or '-'} -> {self.to_status}"


class WebhookEvent(models.Model):
    """A CourtListener webhook delivery, stored raw and keyed by its Idempotency-Key."""

    idempotency_key = models.CharField(max_length=64, unique=True)
    event_type = models.PositiveSmallIntegerField(null=True)
    payload = models.JSONField()
    received_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    def __str__(self) -> str:
        return f"CourtListener event {self.idempotency_key} (type {self.event_type})"


class OutboxMessage(models.Model):
    """Work that must happen after a commit, written in the same transaction as the change.

    Sent on commit; if sending fails it stays pending and the sweeper retries it with backoff.
    After repeated failures it is parked with its error for an operator to reprocess.
    """

    kind = models.CharField(max_length=40)
    payload = models.JSONField(default=dict)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)
    parked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="outbox_pending_idx",
                condition=models.Q(done_at__isnull=True, parked_at__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"
