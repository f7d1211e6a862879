"""Editors' case screens (the status override with a required reason, manual docket entries) and the
operator's reprocessing of parked outbox work."""

from django import forms
from django.contrib import messages
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST
from wagtail.admin.auth import user_passes_test

from legaltracker import services
from legaltracker.forms import DocketEntryForm
from legaltracker.models import CasePage, CaseStatus
from legaltracker.statuses import Source, Status


class OverrideForm(forms.Form):
    status = forms.ChoiceField(choices=Status.choices)
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), help_text="Readers see this next to the status.")


def _can_edit(user) -> bool:
    return user.is_active and user.has_perm("wagtailadmin.access_admin")


@user_passes_test(_can_edit)
def override_status_view(request, case_id: int):
    case = get_object_or_404(CasePage, pk=case_id)
    if not case.permissions_for_user(request.user).can_edit():
        messages.error(request, "You may not edit this case.")
        return redirect("wagtailadmin_explore", case.get_parent().pk)
    status = CaseStatus.objects.filter(pk=case_id).first()
    if request.method == "POST" and "clear" in request.POST:
        services.clear_override(case_id, request.user)
        messages.success(request, f"The status of {case.title} follows the docket again.")
        return redirect("wagtailadmin_pages:edit", case_id)
    form = OverrideForm(request.POST or None, initial={"status": status.status if status else Status.FILED})
    if request.method == "POST" and form.is_valid():
        services.override_status(case_id, form.cleaned_data["status"], form.cleaned_data["reason"], request.user)
        messages.success(
            request, f"{case.title} now shows “{Status(form.cleaned_data['status']).label}” until you clear it."
        )
        return redirect("wagtailadmin_pages:edit", case_id)
    return TemplateResponse(
        request, "legaltracker/admin/override.html", {"case": case, "form": form, "case_status": status}
    )


@user_passes_test(_can_edit)
def docket_entry_view(request, case_id: int, entry_id: int | None = None):
    """Add a docket entry no source covers, or correct one an editor added, through the one write path."""
    case = get_object_or_404(CasePage, pk=case_id)
    if not case.permissions_for_user(request.user).can_edit():
        messages.error(request, "You may not edit this case.")
        return redirect("wagtailadmin_explore", case.get_parent().pk)
    entry = get_object_or_404(case.docket_entries, pk=entry_id, source=Source.MANUAL) if entry_id else None
    initial = {}
    if entry is not None:
        initial = {
            "date_filed": entry.date_filed,
            "entry_number": entry.entry_number,
            "description": entry.description,
            "document_url": entry.document_url,
        }
    form = DocketEntryForm(request.POST or None, case=case, entry=entry, initial=initial)
    if request.method == "POST" and form.is_valid():
        if entry is None:
            result = services.add_manual_entry(case.pk, user=request.user, **form.cleaned_data)
            done = "Docket entry added"
        else:
            result = services.correct_manual_entry(entry.pk, user=request.user, **form.cleaned_data)
            done = "Docket entry corrected"
        status = CaseStatus.objects.get(pk=case.pk)
        moved = f"; the case is now “{status.status_label}”" if result.status_changed else ""
        messages.success(request, f"{done} on {case.title}{moved}.")
        return redirect("legaltracker_docket_entry", case.pk)
    editor_entries = case.docket_entries.filter(source=Source.MANUAL).order_by(
        F("date_filed").desc(nulls_last=True), F("entry_number").desc(nulls_last=True), "-pk"
    )
    return TemplateResponse(
        request,
        "legaltracker/admin/docket_entry.html",
        {"case": case, "form": form, "entry": entry, "editor_entries": editor_entries},
    )


@require_POST
@user_passes_test(lambda user: user.is_active and user.is_superuser)
def reprocess_outbox_view(request, message_id: int):
    """Send a parked outbox message again (after fixing what made it fail)."""
    from legaltracker import outbox

    message = get_object_or_404(outbox.parked(), pk=message_id)
    outbox.reprocess(message.pk)
    messages.success(request, f"{message.kind} #{message.pk} was sent again.")
    return redirect("wagtailadmin_home")
