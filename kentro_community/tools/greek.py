"""Greek text as staff type it: without accents, in any case, with or without
final sigma, or transliterated to Latin (ELOT 743)."""

import re
import unicodedata

_DIGRAPHS = [
    ("ου", "ou"),
    ("αυ", "av"),
    ("ευ", "ev"),
    ("ηυ", "iv"),
    ("μπ", "mp"),
    ("ντ", "nt"),
    ("γγ", "ng"),
    ("γκ", "gk"),
    ("γξ", "nx"),
    ("γχ", "nch"),
    ("θ", "th"),
    ("χ", "ch"),
    ("ψ", "ps"),
]
_LETTERS = str.maketrans(
    {
        "α": "a",
        "β": "v",
        "γ": "g",
        "δ": "d",
        "ε": "e",
        "ζ": "z",
        "η": "i",
        "ι": "i",
        "κ": "k",
        "λ": "l",
        "μ": "m",
        "ν": "n",
        "ξ": "x",
        "ο": "o",
        "π": "p",
        "ρ": "r",
        "σ": "s",
        "τ": "t",
        "υ": "y",
        "φ": "f",
        "ω": "o",
    }
)
_SPACES = re.compile(r"\s+")


def normalize(text):
    """Lower case, no accents or diaeresis, final sigma as sigma, single spaces."""
    decomposed = unicodedata.normalize("NFD", text or "")
    bare = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    # casefold() also turns the final sigma into a plain sigma.
    return _SPACES.sub(" ", bare.casefold()).strip()


def transliterate(text):
    """Latin transliteration (ELOT 743, without the accents) of normalised text."""
    latin = normalize(text)
    for greek, roman in _DIGRAPHS:
        latin = latin.replace(greek, roman)
    return latin.translate(_LETTERS)


def search_key(*parts):
    """What a beneficiary is found by: each part normalised, then transliterated."""
    greek = normalize(" ".join(part for part in parts if part))
    latin = transliterate(greek)
    return greek if latin == greek else f"{greek} | {latin}"
