"""Turning .docx into PDF with a pool of LibreOffice workers."""
