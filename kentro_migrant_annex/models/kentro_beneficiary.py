from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.kentro_community.tools import groups

from .kentro_language import LEVELS

MIGRANT_STATUSES = [
    ("third_country", "Third-country national with a residence permit"),
    ("international_protection", "Beneficiary of international protection"),
    ("asylum_seeker", "Asylum seeker"),
    ("eu_citizen", "EU citizen"),
    ("other", "Other"),
]
# Statuses that make a person a third-country national (ESF+: not an EU citizen).
THIRD_COUNTRY_STATUSES = ("third_country", "international_protection", "asylum_seeker")


class KentroBeneficiary(models.Model):
    _inherit = "kentro.beneficiary"

    # Legal status is special-category data: professionals only (the record
    # rules then narrow them to the structures they work at).
    migrant_status = fields.Selection(
        MIGRANT_STATUSES,
        string="Legal status",
        groups=groups.PROFESSIONAL,
        tracking=True,
        index=True,
    )
    origin_country_id = fields.Many2one(
        "res.country", string="Country of origin", groups=groups.PROFESSIONAL, tracking=True
    )
    arrival_date = fields.Date(
        string="Arrival in Greece", groups=groups.PROFESSIONAL, tracking=True
    )
    greek_level = fields.Selection(
        [("none", "No Greek"), *LEVELS, ("native", "Native speaker")],
        string="Level of Greek",
        groups=groups.PROFESSIONAL,
        tracking=True,
    )
    spoken_language_ids = fields.One2many(
        "kentro.beneficiary.language",
        "beneficiary_id",
        string="Languages spoken",
        groups=groups.PROFESSIONAL,
    )
    legal_document_ids = fields.One2many(
        "kentro.migrant.document",
        "beneficiary_id",
        string="Permits and cards",
        groups=groups.PROFESSIONAL,
    )
    # What reception needs to book an appointment, and nothing more.
    interpreter_needed = fields.Boolean(string="Needs an interpreter", tracking=True)
    interpreter_language_id = fields.Many2one(
        "kentro.language", string="Interpreting language", tracking=True
    )

    @api.model
    def _kentro_personal_data(self):
        """The annex's personal data, for the right of access and erasure:
        legal status and languages on the file, permits and cards, Greek
        course results. The legal status and the country of origin stay after
        erasure (the ΚΕΜ statistics count them); the arrival date goes;
        permits (their numbers identify) and languages are deleted."""
        data = super()._kentro_personal_data()
        person = data["kentro.beneficiary"]
        person["export"] += [
            "migrant_status",
            "origin_country_id",
            "arrival_date",
            "greek_level",
            "interpreter_needed",
            "interpreter_language_id",
        ]
        person["blank"] += ["arrival_date"]
        data["kentro.migrant.document"] = {
            "link": ["beneficiary_id"],
            "export": ["kind", "permit_type", "number", "issue_date", "expiry_date", "user_id"],
            "erase": "delete",
        }
        data["kentro.beneficiary.language"] = {
            "link": ["beneficiary_id"],
            "export": ["language_id", "native", "level"],
            "erase": "delete",
        }
        data["kentro.greek.course.result"] = {
            "link": ["beneficiary_id"],
            "export": ["activity_id", "level_start", "level_reached"],
            "erase": "keep",
        }
        return data

    @api.constrains("interpreter_needed", "interpreter_language_id")
    def _check_interpreter_language(self):
        if any(p.interpreter_needed and not p.interpreter_language_id for p in self):
            raise ValidationError(self.env._("Say which language the interpreter must speak."))

    @api.constrains("arrival_date", "birthdate")
    def _check_arrival_date(self):
        today = fields.Date.context_today(self)
        # sudo: the arrival date is a professional's field and the check runs
        # for whoever saves the file; the message names only the person the
        # user is saving.
        for person in self.sudo().filtered("arrival_date"):
            if person.arrival_date > today:
                raise ValidationError(
                    self.env._(
                        "The arrival date of %(person)s is in the future.", person=person.name
                    )
                )
            if person.birthdate and person.arrival_date < person.birthdate:
                if not self.env.user.has_group(groups.PROFESSIONAL):
                    # Reception corrects dates of birth but does not read the
                    # arrival date: the refusal must not tell of one.
                    raise ValidationError(
                        self.env._(
                            "The date of birth of %(person)s does not agree with the rest of "
                            "the file, which only the structure's professionals see: ask one "
                            "of them to check it.",
                            person=person.name,
                        )
                    )
                raise ValidationError(
                    self.env._(
                        "%(person)s cannot have arrived in Greece before being born.",
                        person=person.name,
                    )
                )

    @api.constrains("migrant_status", "nationality_id")
    def _check_migrant_status_nationality(self):
        europe = self.env.ref("base.europe").country_ids
        # sudo: the legal status is a professional's field and the check runs
        # for whoever saves the file; the message names only the person the
        # user is saving and the country they gave.
        for person in self.sudo().filtered(lambda p: p.migrant_status and p.nationality_id):
            in_eu = person.nationality_id in europe
            names = {"person": person.name, "country": person.nationality_id.name}
            if person.migrant_status in THIRD_COUNTRY_STATUSES and in_eu:
                message = self.env._(
                    "%(person)s has the nationality of %(country)s, an EU member state: "
                    "choose the status «EU citizen», or correct the nationality.",
                    **names,
                )
            elif person.migrant_status == "eu_citizen" and not in_eu:
                message = self.env._(
                    "%(person)s is recorded as an EU citizen but has the nationality of "
                    "%(country)s: correct the status or the nationality.",
                    **names,
                )
            else:
                continue
            if not self.env.user.has_group(groups.PROFESSIONAL):
                # Reception corrects nationalities but does not read the legal
                # status: the refusal must not say which status it is.
                message = self.env._(
                    "The nationality of %(person)s does not agree with their legal status, "
                    "which only the structure's professionals see: ask one of them to "
                    "correct the file.",
                    person=person.name,
                )
            raise ValidationError(message)
