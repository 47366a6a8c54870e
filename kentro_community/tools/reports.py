"""Values and tables as Kentro's reports print them (the activity report wizard
and the annexes' reports built on it)."""


class Hours:
    """A length of time as a Greek report prints it: hours and minutes (0:48,
    12:05), in the PDF as text and in the XLSX as a time cell ([h]:mm)."""

    __slots__ = ("minutes",)

    def __init__(self, minutes):
        self.minutes = round(minutes or 0)

    def __str__(self):
        hours, minutes = divmod(self.minutes, 60)
        return f"{hours}:{minutes:02d}"

    __repr__ = __str__

    def __eq__(self, other):
        return isinstance(other, Hours) and other.minutes == self.minutes

    def __hash__(self):
        return hash(self.minutes)


def hide_small(value, threshold):
    """A count below ``threshold`` (and above zero) as «<threshold», for
    figures that leave the centre; any other value as it is."""
    if 0 < value < threshold:
        return f"<{threshold}"
    return value


def crosstab(groups):
    """``{row: {column: value}}`` of the groups of a ``_read_group`` by two
    fields with one aggregate, rows and columns in the order of the groups."""
    table = {}
    for row, column, value in groups:
        table.setdefault(row, {})[column] = value
    return table


class Memo:
    """What one report computes once and its sections share (its structures),
    for one call. A report puts it in its context; no RPC caller can put an
    object of this class there, so a memo found in a context is the report's
    own."""

    def __init__(self):
        self.structures = None
