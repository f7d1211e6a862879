"""The vocabularies readers filter cases by: who brought the case and what it alleges."""

from django.db import models


class CaseParty(models.Model):
    """Who brought the case: SEC, CFTC, DOJ, a state regulator, private plaintiffs. Editors extend the list."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "case brought by"
        verbose_name_plural = "cases brought by"

    def __str__(self) -> str:
        return self.name


class Allegation(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
