"""Printed documents (PDF via ReportLab): receipts, forms, notices and batch letters; see DESIGN.md."""
