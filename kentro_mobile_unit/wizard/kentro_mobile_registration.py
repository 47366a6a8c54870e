from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kentro_community.models.kentro_beneficiary import GENDERS


class KentroMobileRegistration(models.TransientModel):
    """On-the-spot registration at a mobile unit's visit: a person already in
    the registry, or a new one in a few fields, and the services given there."""

    _name = "kentro.mobile.registration"
    _description = "Registration at a mobile unit visit"

    visit_id = fields.Many2one("kentro.mobile.visit", required=True, readonly=True)
    beneficiary_id = fields.Many2one(
        "kentro.beneficiary",
        string="Already registered",
        help="Search by name, ΑΜΚΑ or phone; leave empty to register a new person.",
    )
    first_name = fields.Char()
    last_name = fields.Char()
    birthdate = fields.Date(string="Date of birth")
    # The file's own list, given as a list: Odoo translates the labels of a
    # listed selection, not those a function returns.
    gender = fields.Selection(GENDERS)
    phone = fields.Char()
    amka = fields.Char(string="Social security number (AMKA)")
    area_id = fields.Many2one(
        "kentro.area",
        string="Village",
        compute="_compute_area_id",
        store=True,
        readonly=False,
        domain="[('kind', '=', 'community')]",
    )
    service_type_ids = fields.Many2many(
        "kentro.service.type",
        string="Services given",
        default=lambda self: self.env.ref("kentro_community.kentro_service_type_information"),
    )

    @api.depends("visit_id", "beneficiary_id")
    def _compute_area_id(self):
        for registration in self:
            registration.area_id = (
                registration.beneficiary_id.mobile_area_id or registration.visit_id.area_id
            )

    def _register_person(self):
        self.ensure_one()
        visit = self.visit_id
        if visit.state != "held":
            raise UserError(self.env._("Check in to the visit first."))
        if not self.service_type_ids:
            raise UserError(self.env._("Choose at least one service given at the visit."))
        person = self.beneficiary_id
        if not person:
            if not (self.first_name and self.last_name):
                raise UserError(
                    self.env._("Give the first and last name, or choose a registered person.")
                )
            person = self.env["kentro.beneficiary"].create(
                {
                    "first_name": self.first_name,
                    "last_name": self.last_name,
                    "birthdate": self.birthdate,
                    "gender": self.gender,
                    "phone": self.phone,
                    "amka": self.amka,
                    "centre_id": visit.centre_id.id,
                    "mobile_area_id": self.area_id.id,
                    "registration_date": visit.date,
                }
            )
        elif not person.mobile_area_id:
            person.mobile_area_id = self.area_id
        self.env["kentro.service"].create(
            [
                {
                    "beneficiary_id": person.id,
                    "service_type_id": service_type.id,
                    "centre_id": visit.centre_id.id,
                    "user_id": self.env.user.id,
                    "date": visit.date,
                    "mobile_visit_id": visit.id,
                }
                for service_type in self.service_type_ids
            ]
        )
        return person

    def action_register_next(self):
        """Register, say so, then a clean form for the next person in the queue."""
        person = self._register_person()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                # The name only: the services given may tell of health or
                # other special-category data, and the notice shows on a
                # screen in a village square.
                "message": self.env._("Registered: %(person)s", person=person.name),
                "next": self.visit_id.action_register_person(),
            },
        }

    def _follow_up_service(self):
        """The service the follow-up is for: the first one chosen beyond the
        information given to everyone, else the one chosen."""
        information = self.env.ref("kentro_community.kentro_service_type_information")
        return (self.service_type_ids - information)[:1] or self.service_type_ids[:1]

    def action_register_and_book(self):
        """Register, then book a follow-up at the reference centre (see
        ``kentro.centre._kentro_booking_centre``) for the service chosen."""
        person = self._register_person()
        action = person.action_book_appointment()
        action["context"] = {
            **action["context"],
            "default_service_type_id": self._follow_up_service().id,
        }
        return action
