"""Reading the emails the site sent (Django's locmem outbox), as a person reads their inbox."""

import re

from django.core import mail

LINK = re.compile(r"https?://[^/\s]+(/\S+/confirm-email/\S+/(?:\?\S+)?)")


def confirmation_link(message):
    """The path (and query) of the confirmation link in an email, or None."""
    match = LINK.search(message.body)
    return match.group(1) if match else None


def last_confirmation_link(to):
    for message in reversed(mail.outbox):
        if message.to == [to] and confirmation_link(message):
            return confirmation_link(message)
    raise AssertionError(f"no confirmation link was sent to {to}")


def confirm_email(client, to):
    """Open the link sent to `to` and press its button: the account opens and the client is signed in."""
    response = client.post(last_confirmation_link(to))
    assert response.status_code == 302, response.content.decode()[:1000]
    return response
