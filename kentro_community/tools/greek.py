"""Greek text as staff type it: without accents, in any case, with or without
final sigma, transliterated to Latin (ELOT 743), or in greeklish."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def normalize(text):
    """Lower case, no accents or diaeresis, final sigma as sigma, single spaces."""
    decomposed = unicodedata.normalize("NFD", text or "")
    bare = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    # casefold() also turns the final sigma into a plain sigma.
    return _SPACES.sub(" ", bare.casefold()).strip()


# ELOT 743 (the Greek standard, used by passports and by the UN for place
# names), without the accents.
_ELOT_LETTERS = {
    "α": "a",
    "β": "v",
    "γ": "g",
    "δ": "d",
    "ε": "e",
    "ζ": "z",
    "η": "i",
    "θ": "th",
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
    "ς": "s",
    "τ": "t",
    "υ": "y",
    "φ": "f",
    "χ": "ch",
    "ψ": "ps",
    "ω": "o",
}
_ELOT_GAMMA = {"γ": "ng", "κ": "gk", "ξ": "nx", "χ": "nch"}
# Before these (and at the end of a word) αυ, ευ, ηυ are written af, ef, if.
_VOICELESS = set("θκξπστφχψς")
_DIAERESIS = "\u0308"


def _is_greek(letter):
    return letter in _ELOT_LETTERS


def has_greek(text):
    """Whether ``text`` holds a Greek letter (typed in Greek, not greeklish)."""
    return any(_is_greek(char) for char in normalize(text))


def elot743(text):
    """The official Latin form of Greek text (ELOT 743, without the accents),
    in the case of the original: «Ευθυμίου» → «Efthymiou», «ΘΕΟΔΩΡΟΥ» →
    «THEODOROU». Other characters are kept as they are."""
    # [lower-case letter, original, diaeresis]
    letters = []
    for char in unicodedata.normalize("NFD", text or ""):
        if char == _DIAERESIS and letters:
            letters[-1][2] = True
        elif unicodedata.category(char) != "Mn":
            letters.append([char.lower(), char, False])
    count = len(letters)

    def lower(index):
        return letters[index][0] if 0 <= index < count else ""

    def upper(index):
        return 0 <= index < count and letters[index][1] != letters[index][0]

    pieces = []
    index = 0
    while index < count:
        char, original, _diaeresis = letters[index]
        after = lower(index + 1)
        # A diaeresis on υ (αϋ) splits the pair: each letter is read alone.
        pair = after and not letters[index + 1][2]
        step = 2
        if char in "αεη" and after == "υ" and pair:
            following = lower(index + 2)
            voiced = _is_greek(following) and following not in _VOICELESS
            roman = _ELOT_LETTERS[char] + ("v" if voiced else "f")
        elif char == "ο" and after == "υ" and pair:
            roman = "ou"
        elif char == "μ" and after == "π":
            edge = not _is_greek(lower(index - 1)) or not _is_greek(lower(index + 2))
            roman = "b" if edge else "mp"
        elif char == "γ" and after and after in _ELOT_GAMMA:
            roman = _ELOT_GAMMA[after]
        elif _is_greek(char):
            roman, step = _ELOT_LETTERS[char], 1
        else:
            pieces.append(original)
            index += 1
            continue
        if upper(index):
            # A capital in a word in capitals is all capitals (ΘΕΟ → THEO), a
            # capital at the start of a word only its first letter (Θεό → Theo).
            capitals = (step == 2 and upper(index + 1)) or upper(index + step) or upper(index - 1)
            roman = roman.upper() if capitals else roman[0].upper() + roman[1:]
        pieces.append(roman)
        index += step
    return "".join(pieces)


def transliterate(text):
    """Latin transliteration (ELOT 743, without the accents), normalised."""
    return normalize(elot743(text))


# Greeklish: Greek in Latin letters as people type it (SMS, e-mail), in many
# spellings of the same sound. ``phonetic`` reduces Greek and Latin alike to
# one key of what the name sounds like; in typed text a letter that stands for
# either of two Greek letters (x for χ or ξ, h for χ or η) becomes the
# wildcard «_» of SQL LIKE, so the key typed matches both.
_GREEK_TO_LATIN = [
    ("ου", "ou"),
    ("αυ", "av"),
    ("ευ", "ev"),
    ("ηυ", "iv"),
    ("μπ", "mp"),
    ("ντ", "nt"),
    ("γγ", "ng"),
    ("γκ", "gk"),
    ("γξ", "nks"),
    ("γχ", "nch"),
    ("ξ", "ks"),
    # η and a lone υ sound i but never make a pair with the letter before
    # (Μιχαήλ is not «Michel», Ζωή not «Zi»): written in capitals until the end.
    ("η", "I"),
    ("υ", "Y"),
]
_VOWELS = set("aeiouy")
# What may follow the end of a word: nothing, a space, a sign, or s.
_ENDS = ("s", "", " ", "-", ".", ",", "/", "(", ")")
_SOUNDS = [
    # Longest first: what the letters at a position stand for.
    ("th", "8"),
    ("ch", "h"),
    ("kh", "h"),
    ("ph", "f"),
    ("ks", "x"),
    ("ou", "u"),
    ("oy", "u"),
    ("mp", "b"),
    ("mb", "b"),
    ("nt", "d"),
    ("nd", "d"),
    ("gk", "g"),
    ("gg", "g"),
    ("ng", "g"),
    ("tz", "j"),
    ("ai", "e"),
    ("ei", "i"),
    ("oi", "i"),
    ("eu", "ev"),
    ("ev", "ev"),
    ("ef", "ev"),
    ("au", "av"),
    ("av", "av"),
    ("af", "av"),
    ("y", "i"),
    ("c", "k"),
]
_UNSURE = "_"


def _h_sound(latin, index, typed):
    """h is χ (Hristos, Mihalis) or η (Kiriakh, Dhmhtrhs): said by its place."""
    before = latin[index - 1] if index else " "
    after = latin[index + 1] if index + 1 < len(latin) else " "
    if not after.isalpha():
        return "i"
    unsure = _UNSURE if typed else "h"
    if after in _VOWELS:
        return "h" if before in _VOWELS or not before.isalpha() else unsure
    return "i" if before.isalpha() and before not in _VOWELS else unsure


def phonetic(text, typed=False):
    """The sound of a name, the same for Greek and for its greeklish spellings:
    «Χρήστος», «Xristos», «Hristos» and «Christos» all give «hristos».
    ``typed``: the key of what staff typed, to match with LIKE (may hold «_»)."""
    latin = normalize(text)
    for greek, roman in _GREEK_TO_LATIN:
        latin = latin.replace(greek, roman)
    latin = "".join(_ELOT_LETTERS.get(char, char) for char in latin).replace("w", "o")
    sounds = []
    index = 0
    while index < len(latin):
        char = latin[index]
        following = latin[index + 2 : index + 3]
        if char in "gy" and latin[index + 1 : index + 2] == "i" and following in _VOWELS:
            # γι, yi before a vowel (Giannis, Yiannis, Panagiotis): one sound.
            sound, step = "i", 2
        elif char == "y" and latin[index + 1 : index + 2] in _VOWELS:
            sound, step = "i", 1
        elif char == "h":
            sound, step = _h_sound(latin, index, typed), 1
        elif char in "IY":
            sound, step = "i", 1
        elif latin[index + 1 : index + 2] == "h" and char in "tkcp" and following in _ENDS:
            # Papadakhs, Panagiwths: κ, τ and η (θσ, χσ never occur), not χ, θ.
            sound, step = ("k" if char == "c" else char), 1
        elif latin.startswith("oi", index) and not following.isalpha():
            # Zoi: ο and η at the end of a word (Ζωή), not οι.
            sound, step = "o", 1
        elif latin.startswith("ai", index) and latin[index + 3 : index + 4] in _ENDS[1:]:
            # Michail, Rafail: α and η before the last letter (Μιχαήλ), not αι.
            sound, step = "a", 1
        elif latin.startswith("oy", index) and following in _VOWELS:
            # Bakoyannis: ο and γι, not ου.
            sound, step = "o", 1
        elif latin.startswith(("nth", "mph"), index):
            # Ξανθή: ν and θ, not ντ.
            sound, step = char, 1
        elif latin.startswith("sh", index) and following in _VOWELS:
            # Shahid: σ (Σαχίντ).
            sound, step = "s", 2
        elif char == "x":
            sound, step = (_UNSURE if typed else "x"), 1
        else:
            sound, step = next(
                (
                    (sound, len(letters))
                    for letters, sound in _SOUNDS
                    if latin.startswith(letters, index)
                ),
                (char, 1),
            )
        # Double letters are written once (Ψαρράς, Psaras, Psarras).
        if not (sounds and sounds[-1] == sound and sound.isalpha()):
            sounds.append(sound)
        index += step
    return "".join(sounds)


def search_key(*parts):
    """What a beneficiary is found by when staff type in Greek: the parts
    normalised (lower case, no accents, final sigma folded)."""
    return normalize(" ".join(part for part in parts if part))


def phonetic_key(*parts):
    """What a beneficiary is found by when staff type in Latin letters (ELOT
    743 or greeklish): the sound of each word, after a space, so that a search
    can ask for the start of a word (``LIKE '% ali%'``: Αλί, not Ναταλία)."""
    sound = phonetic(" ".join(part for part in parts if part))
    return f" {sound}" if sound else False
