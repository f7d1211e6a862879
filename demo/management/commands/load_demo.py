"""Load the demo newsroom: site, authors, disclaimers, courts, cases and articles. Safe to run twice."""

from contextlib import contextmanager
from datetime import date
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify
from wagtail.models import Page, Site

from demo import images
from demo.content import articles as article_content
from demo.content import cases as case_content
from demo.content import people
from demo.models import HomePage
from legaltracker import services
from legaltracker.models import Allegation, CaseIndexPage, CasePage, CaseParty, Court, Party
from legaltracker.sources.base import DocketUpdate, EntryData
from legaltracker.statuses import Source
from newsroom.models import ArticleAuthor, ArticlePage, Author, Disclaimer, NewsIndexPage, NewsroomSettings


@contextmanager
def emails_discarded():
    """The demo's case histories are old news: the status changes they record must email nobody.

    The emails go out after the commit, when the stories embedding the cases exist, so the whole
    command runs with a backend that drops them.
    """
    previous = settings.EMAIL_BACKEND
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    try:
        yield
    finally:
        settings.EMAIL_BACKEND = previous


def admin_url() -> str:
    """The admin's address under the configured public address (WAGTAILADMIN_BASE_URL)."""
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "http://127.0.0.1:8000"
    return urljoin(base.rstrip("/") + "/", reverse("wagtailadmin_home").lstrip("/"))


class Command(BaseCommand):
    help = "Create the demo newsroom content. Running it again adds nothing twice and sends no email."

    def handle(self, *args, **options):
        with emails_discarded(), transaction.atomic():
            home = self._site()
            authors = self._authors()
            disclaimers = self._disclaimers(home)
            cases = self._cases(home)
            created = self._articles(home, authors, disclaimers, cases)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {ArticlePage.objects.count()} articles ({created} new), "
                f"{CasePage.objects.count()} cases, {Author.objects.count()} authors. Admin: {admin_url()}"
            )
        )

    def _site(self) -> HomePage:
        home = HomePage.objects.first()
        if home is not None:
            site = Site.objects.filter(root_page=home).first()
            if site is not None:
                self._point_site_at_base_url(site)
            return home
        root = Page.get_first_root_node()
        # Wagtail's initial "Welcome" page is a bare Page; the demo home replaces it.
        for welcome in root.get_children().filter(content_type__model="page", slug="home"):
            if not welcome.get_children().exists():
                welcome.delete()
        home = root.add_child(
            instance=HomePage(
                title="The Docket Desk",
                slug="home",
                lead="Crypto's court cases, followed from the first filing to the last appeal.",
            )
        )
        site = Site.objects.filter(is_default_site=True).first() or Site(
            hostname="localhost", port=80, is_default_site=True
        )
        site.root_page, site.site_name = home, "The Docket Desk"
        self._point_site_at_base_url(site)
        return home

    def _point_site_at_base_url(self, site: Site) -> None:
        """Wagtail builds page URLs from the Site record: make it name the address readers use."""
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.hostname = base.hostname or "localhost"
        site.port = base.port or (443 if base.scheme == "https" else 80)
        site.save()

    def _authors(self) -> dict[str, Author]:
        authors = {}
        for spec in people.AUTHORS:
            photo = images.portrait(f"Portrait: {spec['name']}", spec["initials"], spec["colour"])
            fields = {
                k: spec.get(k, "")
                for k in ("name", "role", "short_bio", "bio", "x_url", "linkedin_url", "email", "website")
            }
            authors[spec["slug"]], _ = Author.objects.get_or_create(
                slug=spec["slug"], defaults={**fields, "photo": photo}
            )
        return authors

    def _disclaimers(self, home) -> dict[str, Disclaimer]:
        found = {}
        for spec in people.DISCLAIMERS:
            found[spec["name"]], _ = Disclaimer.objects.get_or_create(
                name=spec["name"], defaults={"kind": spec["kind"], "text": spec["text"]}
            )
            if spec.get("site_default"):
                site = Site.objects.get(root_page=home)
                settings = NewsroomSettings.for_site(site)
                if settings.default_disclaimer_id is None:
                    settings.default_disclaimer = found[spec["name"]]
                    settings.publisher_name = settings.publisher_name or "The Docket Desk"
                    settings.save()
        return found

    def _index(self, home, model, slug: str, title: str, intro: str):
        index = model.objects.child_of(home).filter(slug=slug).first()
        if index is None:
            index = home.add_child(instance=model(title=title, slug=slug, intro=intro))
        return index

    def _cases(self, home) -> dict[str, CasePage]:
        index = self._index(
            home,
            CaseIndexPage,
            "cases",
            "Case tracker",
            "<p>Every case we follow, with its status kept current from the court record.</p>",
        )
        for spec in case_content.COURTS:
            Court.objects.get_or_create(id=spec["id"], defaults=spec)
        for name in case_content.BROUGHT_BY:
            CaseParty.objects.get_or_create(slug=slugify(name), defaults={"name": name})
        for name in case_content.ALLEGATIONS:
            Allegation.objects.get_or_create(slug=slugify(name), defaults={"name": name})
        cases = {}
        for spec in case_content.CASES:
            case = CasePage.objects.filter(slug=spec["slug"]).first()
            if case is None:
                case = CasePage(
                    title=spec["title"],
                    slug=spec["slug"],
                    caption=spec["caption"],
                    court_id=spec["court"],
                    docket_number=spec["docket_number"],
                    judge=spec["judge"],
                    referred_judge=spec.get("referred_judge", ""),
                    summary=spec["summary"],
                    date_filed=date.fromisoformat(spec["date_filed"]),
                    date_terminated=date.fromisoformat(spec["date_terminated"])
                    if spec.get("date_terminated")
                    else None,
                    # Finished cases are kept as records; the case still going is refreshed from the court.
                    tracking=spec.get("tracking", False),
                )
                case.brought_by = list(CaseParty.objects.filter(name__in=spec["brought_by"]))
                case.allegations = list(Allegation.objects.filter(name__in=spec["allegations"]))
                case.parties = [Party(name=name, role=role) for name, role in spec["parties"]]
                index.add_child(instance=case)
                case.save_revision().publish()
            services.apply_update(case.pk, self._timeline(spec), actor="demo:load_demo")
            cases[spec["slug"]] = case
        return cases

    def _timeline(self, spec) -> DocketUpdate:
        entries = [
            EntryData(
                source=Source.MANUAL,
                source_id=f"demo-{spec['slug']}-{n}",
                entry_number=number,
                date_filed=date.fromisoformat(filed),
                description=text,
            )
            for n, (filed, number, text) in enumerate(spec["entries"], start=1)
        ]
        return DocketUpdate(
            source=Source.MANUAL,
            date_terminated=date.fromisoformat(spec["date_terminated"]) if spec.get("date_terminated") else None,
            entries=entries,
        )

    def _articles(self, home, authors, disclaimers, cases) -> int:
        index = self._index(
            home, NewsIndexPage, "news", "News", "<p>Reporting on the lawsuits and prosecutions that shape crypto.</p>"
        )
        for title, (headline, colours) in article_content.EXTRA_IMAGES.items():
            images.hero_image(title, headline, colours)
        for title, spec in article_content.COURT_DOCUMENTS.items():
            images.court_document(title, **spec)
        new_pages = []
        for spec in article_content.ARTICLES:
            if ArticlePage.objects.filter(slug=spec["slug"]).exists():
                continue
            hero_title, headline, colours = spec["hero"]
            source_name, source_url = spec.get("hero_source", ("", ""))
            page = ArticlePage(
                title=spec["title"],
                slug=spec["slug"],
                dek=spec["dek"],
                hero_image=images.hero_image(hero_title, headline, colours),
                hero_alt_text=f"Illustration with the words: {headline}.",
                hero_caption=spec["hero_caption"],
                hero_credit=spec["hero_credit"],
                hero_source_name=source_name,
                hero_source_url=source_url,
                disclaimer=disclaimers.get(spec.get("disclaimer", "")),
            )
            page.article_authors = [
                ArticleAuthor(author=authors[slug], sort_order=n) for n, slug in enumerate(spec["authors"])
            ]
            index.add_child(instance=page)
            page.topics.add(*spec["topics"])
            page.save()
            new_pages.append((page, spec))
        # Bodies refer to each other, so they are written once every article exists.
        for page, spec in new_pages:
            page.body = [
                # An embed of one of our own cases is its page URL, answered by the local oEmbed finder.
                (kind, cases[value.slug].full_url if kind == "embed" else self._resolve(value, cases))
                for kind, value in spec["body"]
            ]
            page.save_revision().publish()
            when = parse_datetime(spec["date"])
            ArticlePage.objects.filter(pk=page.pk).update(
                published_at=when, first_published_at=when, last_published_at=when
            )
        return len(new_pages)

    def _resolve(self, value, cases):
        from wagtail.images.models import Image

        if isinstance(value, article_content.Page):
            return ArticlePage.objects.get(slug=value.slug)
        if isinstance(value, article_content.Img):
            return Image.objects.get(title=value.title)
        if isinstance(value, article_content.Case):
            return cases[value.slug]
        if isinstance(value, dict):
            return {key: self._resolve(item, cases) for key, item in value.items()}
        if isinstance(value, list):
            return [self._resolve(item, cases) for item in value]
        return value
