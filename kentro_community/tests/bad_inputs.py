"""The bad-input corpus (bad_inputs.json) and what each door needs to use it:
placeholders filled, long strings expanded, an entry written as a CSV file.
Plain Python, so that the repository's XML-RPC tests read it too."""

import csv
import io
import json
import re
from datetime import datetime, time, timedelta
from pathlib import Path

CORPUS = Path(__file__).with_name("bad_inputs.json")
_PLACEHOLDER = re.compile(r"^\{(\w+)(?: (\d\d):(\d\d))?\}$")
_INLINE = re.compile(r"\{(\w+)\}")


def load_entries():
    return json.loads(CORPUS.read_text(encoding="utf-8"))["entries"]


def slot_day(today):
    """The day of the corpus' appointments: a Thursday about ten weeks ahead."""
    day = today + timedelta(days=70)
    return day + timedelta(days=(3 - day.weekday()) % 7)


def local_datetime(today, day_name, hour, minute):
    """The naive local datetime that ``{slot HH:MM}`` or ``{saturday HH:MM}`` names."""
    day = slot_day(today) + timedelta(days=2 if day_name == "saturday" else 0)
    return datetime.combine(day, time(hour, minute))


def resolve(value, refs, when):
    """``value`` with its placeholders filled: ``refs`` maps names to database
    ids, ``when(day_name, hour, minute)`` gives the text of a moment."""
    if isinstance(value, dict):
        if set(value) == {"repeat", "times"}:
            return value["repeat"] * value["times"]
        return {key: resolve(item, refs, when) for key, item in value.items()}
    if isinstance(value, list):
        return [resolve(item, refs, when) for item in value]
    if isinstance(value, str):
        match = _PLACEHOLDER.match(value)
        if match:
            name, hour, minute = match.groups()
            return when(name, int(hour), int(minute)) if hour else refs[name]
    return value


def import_file(entry, refs, when, target_id=None):
    """The fields and the bytes of the CSV file that brings ``entry`` through
    the import wizard; ``when`` gives moments as the file has them (local time)."""
    if entry["op"] == "import":
        text = _INLINE.sub(lambda match: str(refs[match[1]]), entry["csv"])
        fields = text.splitlines()[0].split(",")
        return fields, text.encode(entry["encoding"])
    values = resolve(entry["values"], refs, when)
    fields, row = ([".id"], [str(target_id)]) if entry["op"] == "write" else ([], [])
    for name, value in values.items():
        if isinstance(value, list):
            # x2many commands [[4, id]]: the column of database ids
            fields.append(f"{name}/.id")
            row.append(",".join(str(command[1]) for command in value))
        elif name.endswith("_id") and isinstance(value, int):
            fields.append(f"{name}/.id")
            row.append(str(value))
        else:
            fields.append(name)
            row.append(str(value))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(fields)
    writer.writerow(row)
    return fields, buffer.getvalue().encode()


def expected_message(entry, door):
    expect = entry["expect"]
    return entry.get(f"{door}_refused") or expect.get("refused")


def plain(value):
    """A value read back, as text where the door returns dates."""
    if hasattr(value, "isoformat"):
        return str(value)
    if hasattr(value, "_name"):
        return value.id
    if isinstance(value, list) and len(value) == 2 and isinstance(value[0], int):
        return value[0]
    return value


def import_options(entry):
    """The wizard's options, as the user leaves or sets them: the encoding the
    entry names (empty: detected from the file), dates as in the corpus."""
    return {
        "has_headers": True,
        "quoting": '"',
        "separator": "",
        "encoding": entry.get("encoding_option", "utf-8"),
        "date_format": "%Y-%m-%d",
        "datetime_format": "%Y-%m-%d %H:%M:%S",
        "float_thousand_separator": ",",
        "float_decimal_separator": ".",
    }


def csv_rows(entry, data):
    """The rows of an import file below its header, as Python's csv reads them."""
    text = data.decode(entry.get("encoding", "utf-8"))
    return list(csv.reader(io.StringIO(text)))[1:]
