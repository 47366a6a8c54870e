"""Values as they arrive from forms, imports and RPC clients: names cleaned
the way staff expect them, and values Odoo cannot convert refused with a
message that names the field, instead of a server error."""

import re
import unicodedata

from odoo.exceptions import ValidationError

NAME_MAX_LENGTH = 100
# Besides letters and their accents: what names are written with (O'Brien,
# Papadopoulou-Smith, St. John) and the zero-width non-joiner of Persian names.
_NAME_PUNCTUATION = frozenset(" '’-‐.\u200c")
# A σ that ends a word is written ς.
_FINAL_SIGMA = re.compile(r"(?<=\w)σ(?!\w)")
_WORD = re.compile(r"[^\W\d_]+")
_SPACES = re.compile(" {2,}")


def clean_name(text):
    """``text`` composed (NFC), trimmed, with single spaces and the final sigma."""
    composed = unicodedata.normalize("NFC", text)
    return _FINAL_SIGMA.sub("ς", _SPACES.sub(" ", composed).strip())


def _script(char):
    return unicodedata.name(char, "").split(" ", 1)[0]


def name_problem(text):
    """What is wrong with a (cleaned) name, as ``(kind, detail)``, or None."""
    if len(text) > NAME_MAX_LENGTH:
        return "length", len(text)
    for char in text:
        if char not in _NAME_PUNCTUATION and unicodedata.category(char)[0] not in "LM":
            visible = char.isprintable() and not char.isspace()
            return "character", char if visible else f"U+{ord(char):04X}"
    for word in _WORD.findall(text):
        if {"GREEK", "LATIN"} <= {_script(char) for char in word}:
            return "mixed", word
    return None


def check_name(model, field_name, text):
    """``text`` cleaned, or a ValidationError that says what to correct."""
    name = clean_name(text)
    problem = name_problem(name)
    if not problem:
        return name
    kind, detail = problem
    field = model._fields[field_name]._description_string(model.env)
    if kind == "length":
        message = model.env._(
            "%(field)s is too long (%(length)s characters): a name has at most %(max)s characters.",
            field=field,
            length=detail,
            max=NAME_MAX_LENGTH,
        )
    elif kind == "character":
        message = model.env._(
            "%(field)s contains «%(character)s», which a name cannot contain: use letters, "
            "spaces, apostrophes, hyphens and dots only.",
            field=field,
            character=detail,
        )
    else:
        message = model.env._(
            "%(field)s mixes Greek and Latin letters in «%(word)s»: type the word again in "
            "one alphabet.",
            field=field,
            word=detail,
        )
    raise ValidationError(message)


def check_values(model, vals):
    """Refuse, naming the field, a date, date and time or number that is not
    one (Odoo itself would fail with a bare ValueError)."""
    for name, value in vals.items():
        field = model._fields.get(name)
        if (
            field is None
            or field.type not in ("date", "datetime", "integer", "float")
            or value is False
            or value is None
        ):
            continue
        try:
            field.convert_to_cache(value, model)
        except (ValueError, TypeError, OverflowError):
            label = field._description_string(model.env)
            shown = str(value) if len(str(value)) <= 40 else f"{str(value)[:40]}…"
            if field.type == "date":
                message = model.env._(
                    "%(field)s: «%(value)s» is not a date. Write it as YYYY-MM-DD, "
                    "e.g. 2024-03-15.",
                    field=label,
                    value=shown,
                )
            elif field.type == "datetime":
                message = model.env._(
                    "%(field)s: «%(value)s» is not a date and time. Write it as "
                    "YYYY-MM-DD HH:MM:SS, e.g. 2024-03-15 10:30:00.",
                    field=label,
                    value=shown,
                )
            else:
                message = model.env._(
                    "%(field)s: «%(value)s» is not a number.", field=label, value=shown
                )
            raise ValidationError(message) from None
