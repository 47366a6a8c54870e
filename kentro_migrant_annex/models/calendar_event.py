from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.kentro_community.tools import groups
from odoo.addons.kentro_community.tools.appointments import CANCELLED


class CalendarEvent(models.Model):
    """An appointment may need an interpreter: the booking offers the
    structure's interpreters of that language who are free then, and an
    interpreter is never booked twice at the same time."""

    _inherit = "calendar.event"

    kentro_interpreter_language_id = fields.Many2one(
        "kentro.language", string="Interpreting language", groups=groups.RECEPTION
    )
    kentro_interpreter_id = fields.Many2one(
        "res.users", string="Interpreter", index=True, groups=groups.RECEPTION
    )
    kentro_interpreter_candidate_ids = fields.Many2many(
        "res.users",
        string="Free interpreters",
        compute="_compute_kentro_interpreter_candidate_ids",
        groups=groups.RECEPTION,
    )

    # The same guarantee as for professionals: PostgreSQL refuses an
    # interpreter's second appointment at the same time, even in a race.
    _sql_constraints = [
        (
            "kentro_no_interpreter_double_booking",
            "EXCLUDE USING gist (int4range(kentro_interpreter_id, kentro_interpreter_id, '[]') "
            "WITH &&, tsrange(start, stop) WITH &&) WHERE (kentro_appointment AND active "
            "AND kentro_interpreter_id IS NOT NULL "
            "AND kentro_attendance NOT IN ('cancelled_beneficiary', 'cancelled_centre'))",
            "The interpreter already has an appointment at that time.",
        ),
    ]

    @api.model
    def _kentro_interpreters(self, centre, language):
        """The structure's staff who interpret ``language``."""
        if not (centre and language):
            return self.env["res.users"]
        # sudo: the structure's staff and their languages are read to offer
        # its interpreters, whom the booking user picks (by name) on the form.
        return centre.sudo().staff_ids.filtered(lambda user: language in user.kentro_language_ids)

    @api.depends("kentro_interpreter_language_id", "kentro_centre_id", "start", "stop")
    def _compute_kentro_interpreter_candidate_ids(self):
        for event in self:
            interpreters = self._kentro_interpreters(
                event.kentro_centre_id, event.kentro_interpreter_language_id
            )
            if interpreters and event.start and event.stop:
                busy = self._kentro_busy_intervals(
                    interpreters, event.start, event.stop, event._origin.id
                )
                interpreters -= self.env["res.users"].union(*(user for user, *_ in busy))
            event.kentro_interpreter_candidate_ids = interpreters

    @api.onchange("kentro_beneficiary_id")
    def _onchange_kentro_interpreter_need(self):
        person = self.kentro_beneficiary_id
        if person.interpreter_needed and not self.kentro_interpreter_language_id:
            self.kentro_interpreter_language_id = person.interpreter_language_id

    @api.onchange("kentro_interpreter_candidate_ids")
    def _onchange_kentro_interpreter_candidates(self):
        candidates = self.kentro_interpreter_candidate_ids._origin
        if self.kentro_interpreter_id._origin not in candidates:
            self.kentro_interpreter_id = candidates[:1]

    # Booking ----------------------------------------------------------------

    @api.model
    def _kentro_occupants(self):
        """An appointment keeps its interpreter busy too: the core's busy
        time, booking checks and slot finder count them."""
        return {
            **super()._kentro_occupants(),
            "kentro_interpreter_id": {
                "constraint": "calendar_event_kentro_no_interpreter_double_booking",
                "clash": self.env._(
                    "%(person)s is already interpreting or giving an appointment from "
                    "%(start)s to %(stop)s."
                ),
                "race": self.env._(
                    "The interpreter has just been booked at that time, perhaps by a "
                    "colleague. Pick another slot or another interpreter."
                ),
            },
        }

    @api.model
    def _kentro_prepare_values(self, vals, creating=True):
        vals = super()._kentro_prepare_values(vals, creating=creating)
        interpreter = self.env["res.users"].browse(vals.get("kentro_interpreter_id"))
        if interpreter:
            # In the interpreter's calendar too.
            vals["partner_ids"].append(fields.Command.link(interpreter.partner_id.id))
        return vals

    def write(self, vals):
        if vals.get("kentro_interpreter_id") and not vals.get("kentro_beneficiary_id"):
            partner = self.env["res.users"].browse(vals["kentro_interpreter_id"]).partner_id
            vals = {
                **vals,
                "partner_ids": list(vals.get("partner_ids") or [])
                + [fields.Command.link(partner.id)],
            }
        return super().write(vals)

    @api.model
    def _kentro_booking_fields(self):
        return super()._kentro_booking_fields() | {
            "kentro_interpreter_id",
            "kentro_interpreter_language_id",
        }

    def _kentro_check_booking(self):
        result = super()._kentro_check_booking()
        # sudo: the interpreter's languages are read to refuse the booking;
        # the message names the interpreter and the language the user has
        # just picked.
        for event in self.sudo():
            if event.kentro_attendance in CANCELLED or not event.active:
                continue
            interpreter, language = (
                event.kentro_interpreter_id,
                event.kentro_interpreter_language_id,
            )
            if interpreter and language and language not in interpreter.kentro_language_ids:
                raise ValidationError(
                    self.env._(
                        "%(interpreter)s does not interpret %(language)s.",
                        interpreter=interpreter.name,
                        language=language.name,
                    )
                )
        return result
