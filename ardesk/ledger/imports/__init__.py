"""Imports from the ERP: customers, invoices, receipts, credit notes and allocations (CSV or XLSX)."""
