"""Jobs of the guide: a training copy asked for on the training page."""

from __future__ import annotations

from celery import shared_task

from ardesk.guide import training
from ardesk.guide.models import TrainingCopy


@shared_task(name="guide.training_copy")
def training_copy(copy_id: int) -> str:
    """Make the training copy the page asked for and record how it went."""
    return training.training_copy_run(TrainingCopy.objects.get(pk=copy_id)).status
