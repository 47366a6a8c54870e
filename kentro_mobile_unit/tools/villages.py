"""The villages a mobile unit covers, checked for its visits and its repeat rules."""

from odoo.exceptions import ValidationError


def check_villages_covered(records):
    """Refuse visits or repeat rules for a village their unit does not cover."""
    for record in records:
        if record.area_id not in record.centre_id.mobile_area_ids:
            raise ValidationError(
                records.env._(
                    "%(village)s is not among the villages %(unit)s covers: add it to the "
                    "unit first.",
                    village=record.area_id.name,
                    unit=record.centre_id.name,
                )
            )
