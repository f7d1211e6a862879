"""Demo images drawn locally with Pillow: never downloaded."""

import io
import textwrap

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images.models import Image


def _font(size: int):
    return ImageFont.load_default(size=size)


def _save(title: str, picture: PillowImage.Image) -> Image:
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")[:60]
    image = Image(title=title)
    image.file = ImageFile(buffer, name=f"{slug}.png")
    image.save()
    return image


def hero_image(title: str, headline: str, colours: tuple[str, str]) -> Image:
    """A 1600x900 banner: a two-tone field with a headline set in large type."""
    width, height = 1600, 900
    picture = PillowImage.new("RGB", (width, height), colours[0])
    draw = ImageDraw.Draw(picture)
    draw.polygon([(0, height), (width, height * 0.35), (width, height)], fill=colours[1])
    for offset in range(0, width, 80):
        draw.line([(offset, 0), (offset + 300, height)], fill=colours[1], width=2)
    y = 300
    for line in textwrap.wrap(headline, width=24):
        draw.text((90, y), line, font=_font(92), fill="white")
        y += 110
    return _save(title, picture)


def portrait(title: str, initials: str, colour: str) -> Image:
    """A square avatar with the author's initials."""
    picture = PillowImage.new("RGB", (400, 400), colour)
    draw = ImageDraw.Draw(picture)
    draw.ellipse([40, 40, 360, 360], outline="white", width=8)
    draw.text((200, 200), initials, font=_font(140), fill="white", anchor="mm")
    return _save(title, picture)


def court_document(title: str, court: str, caption: str, heading: str, lines: list[str]) -> Image:
    """A page that looks like a filed order: court, caption, heading and a few paragraphs."""
    width, height = 1240, 1600
    picture = PillowImage.new("RGB", (width, height), "#fbfaf6")
    draw = ImageDraw.Draw(picture)
    draw.text((width / 2, 120), court.upper(), font=_font(34), fill="#222", anchor="mm")
    y = 220
    for line in textwrap.wrap(caption, width=48):
        draw.text((120, y), line, font=_font(30), fill="#222")
        y += 42
    draw.line([(120, y + 20), (width - 120, y + 20)], fill="#444", width=3)
    draw.text((width / 2, y + 90), heading.upper(), font=_font(40), fill="#111", anchor="mm")
    y += 170
    for paragraph in lines:
        for line in textwrap.wrap(paragraph, width=62):
            draw.text((120, y), line, font=_font(27), fill="#333")
            y += 40
        y += 30
    return _save(title, picture)
