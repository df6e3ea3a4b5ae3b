"""Signals the core sends for other apps to act on."""

from django.dispatch import Signal

# Sent after one organisation is merged into another, with source_name and target (an Organisation).
organisations_merged = Signal()
