"""Date formats in each language's grammatical form (settings.FORMAT_MODULE_PATH).

Only what differs from Django's own format modules is here; Django fills in the rest. Templates
format dates with ``|date:"DATE_FORMAT"`` (or ``SHORT_DATE_FORMAT``), never with a fixed pattern.
"""
