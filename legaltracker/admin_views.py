"""The editor's status override form, and the operator's reprocessing of parked outbox work."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST
from wagtail.admin.auth import user_passes_test

from legaltracker import services
from legaltracker.models import CasePage, CaseStatus
from legaltracker.statuses import Status


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


@require_POST
@user_passes_test(lambda user: user.is_active and user.is_superuser)
def reprocess_outbox_view(request, message_id: int):
    """Send a parked outbox message again (after fixing what made it fail)."""
    from legaltracker import outbox

    message = get_object_or_404(outbox.parked(), pk=message_id)
    outbox.reprocess(message.pk)
    messages.success(request, f"{message.kind} #{message.pk} was sent again.")
    return redirect("wagtailadmin_home")
