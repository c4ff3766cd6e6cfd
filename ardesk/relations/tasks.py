"""Background work of customer relations: deliver a survey's invitations, and the daily jobs."""

from __future__ import annotations

from celery import shared_task

from ardesk.core import clock
from ardesk.relations import services
from ardesk.relations.models import EscalationMail, SurveyInvitation


@shared_task(name="relations.deliver_survey")
def deliver_survey(survey_id: int) -> int:
    """E-mail every invitation of a survey not sent yet; a failed one is tried again by the daily job."""
    sent = 0
    invitations = SurveyInvitation.objects.filter(survey_id=survey_id, sent_at__isnull=True).select_related(
        "survey__template", "contact"
    )
    for invitation in invitations.order_by("pk"):
        sent += services.invitation_deliver(invitation=invitation)
    return sent


@shared_task(name="relations.deliver_escalation_mails")
def deliver_escalation_mails(mail_ids: list[int]) -> int:
    """E-mail the escalations not sent yet; a refused one is tried again by the daily job."""
    sent = 0
    mails = EscalationMail.objects.filter(pk__in=mail_ids, sent_at__isnull=True).select_related(
        "complaint__customer", "complaint__owner", "recipient"
    )
    for mail in mails.order_by("pk"):
        sent += services.escalation_mail_deliver(mail=mail)
    return sent


@shared_task(name="relations.daily")
def daily() -> dict[str, int]:
    """Escalate complaints past their deadline, plan revisits by rule, send reminders and e-mails refused before."""
    today = clock.today()
    unsent = SurveyInvitation.objects.filter(sent_at__isnull=True, survey__expires_on__gte=today).exclude(send_error="")
    for survey_id in unsent.values_list("survey_id", flat=True).distinct():
        deliver_survey(survey_id)
    refused = EscalationMail.objects.filter(sent_at__isnull=True).exclude(send_error="")
    deliver_escalation_mails(list(refused.values_list("pk", flat=True)))
    return {
        "escalated": services.complaints_escalate(as_of=today),
        "revisits_planned": services.revisits_plan_by_rule(as_of=today),
        "reminders": services.survey_reminders(as_of=today),
    }
