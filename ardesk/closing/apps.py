from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _open_points(keys: list) -> str:
    """The checklist points a close left open, by their names (a close records their keys)."""
    from ardesk.closing.domain import CHECKLIST_POINTS

    return ", ".join(str(CHECKLIST_POINTS.get(key, key)) for key in keys)


def _audit_value_label(key: str, value: str) -> str:
    """The format of an exported journal file, by its name."""
    if key == "format":
        return {"csv": "CSV", "xlsx": "Excel"}.get(value, "")
    return ""


class ClosingConfig(AppConfig):
    name = "ardesk.closing"
    label = "closing"
    verbose_name = _("Month-end close")

    def ready(self):
        from ardesk.audit.labels import register_list_labeller, register_value_labeller

        register_list_labeller("open_points", _open_points)
        register_value_labeller(_audit_value_label)
