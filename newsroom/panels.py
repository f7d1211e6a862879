"""Editor panels for articles."""

from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import MultipleChooserPanel


class BylineFormSet(BaseChildFormSet):
    default_error_messages = {
        "too_few_forms": "Every story needs at least one author. Add the new author before removing the last one.",
    }


class BylinePanel(MultipleChooserPanel):
    """The ordered authors of a story, refusing a story with none in words a reporter understands."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = BylineFormSet
        return options
