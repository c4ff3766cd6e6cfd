"""Credit writes: financial statements, the order check, orders, scores, scorecards, requests, reviews.

Each service is one transaction, locks what its rule reads and writes an audit event.

The services live in cohesive modules and are all reachable from here:

- ``financial_statements``: customers' financial statements, entered or imported;
- ``accounts``: credit accounts (and the lock every credit write takes first), groups;
- ``orders``: the order credit check, the re-check of held orders, an order released, rejected or closed;
- ``scoring``: scorecards and scoring a customer;
- ``approvals``: limit, term and special-approval requests and their approval;
- ``reviews``: credit reviews, opened and completed;
- ``limit_batches``: credit limits imported from the old system, approved as a whole.
"""

from __future__ import annotations

from ardesk.credit.services.accounts import account_update, group_save
from ardesk.credit.services.approvals import approval_limit, credit_request_create, credit_request_decide
from ardesk.credit.services.financial_statements import (
    COLUMN_ALIASES,
    FINANCIAL_STATEMENT_COLUMNS,
    financial_statement_delete,
    financial_statement_save,
    financial_statements_import,
)
from ardesk.credit.services.limit_batches import limit_batch_decide
from ardesk.credit.services.orders import OrderClosed, credit_check, held_orders_recheck, order_close, order_decide
from ardesk.credit.services.reviews import review_complete, review_open, reviews_schedule
from ardesk.credit.services.scoring import customer_score, scorecard_export, scorecard_import, scorecard_save

__all__ = [
    "COLUMN_ALIASES",
    "FINANCIAL_STATEMENT_COLUMNS",
    "OrderClosed",
    "account_update",
    "approval_limit",
    "credit_check",
    "credit_request_create",
    "credit_request_decide",
    "customer_score",
    "group_save",
    "held_orders_recheck",
    "limit_batch_decide",
    "order_close",
    "order_decide",
    "review_complete",
    "review_open",
    "reviews_schedule",
    "scorecard_export",
    "scorecard_import",
    "scorecard_save",
    "financial_statement_delete",
    "financial_statement_save",
    "financial_statements_import",
]
