"""Errors that carry a message for the user (CLI exit code 2, HTTP 4xx)."""

from __future__ import annotations


class UserInputError(ValueError):
    """Bad input from a user: the message names the field and says what is wrong."""


class ChatInputError(ValueError):
    """A turn the service refuses before running it (empty or overlong message, bad locale)."""
