"""Phone numbers as staff type them («+30 697 123 4567», «0030 6971234567»,
«697 123 4567»), kept besides what was typed in one normal form, E.164
(«+306971234567»), so that any spelling finds the same person."""

import re

import phonenumbers

from odoo.exceptions import ValidationError

# A number without a country code is Greek; «00» before one is Greece's
# international prefix.
DEFAULT_REGION = "GR"
# What people write between the digits of a number.
_SEPARATORS = re.compile(r"[\s().\-/]")


def compact(text):
    """``text`` without separators: digits, with a leading «+» if typed."""
    return _SEPARATORS.sub("", text or "")


def looks_like_number(text):
    """Whether ``text`` is written like a phone number, whole or in part."""
    digits = compact(text)
    return bool(digits) and digits.removeprefix("+").isdigit()


def e164(text):
    """The E.164 form of the phone number ``text``, or None if it is not a
    valid number (Greek by default, foreign with its country code)."""
    if not looks_like_number(text):
        return None
    try:
        number = phonenumbers.parse(compact(text), DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def digits_of(text):
    """The digits of a part of a number, international prefix («+», «00»)
    left out: what the E.164 form holds after its «+»."""
    digits = compact(text).removeprefix("+")
    return digits.removeprefix("00") if compact(text).startswith("00") else digits


def check(model, text):
    """Refuses ``text`` if it is not a valid phone number, saying how to
    write one."""
    if text and not e164(str(text)):
        raise ValidationError(
            model.env._(
                "The number %(number)s is not a valid phone number: write its 10 digits, "
                "e.g. 2101234567 or 6912345678, or + and the country code for a foreign "
                "number.",
                number=text,
            )
        )
