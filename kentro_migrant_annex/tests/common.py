from contextlib import contextmanager
from datetime import date

from odoo.addons.kentro_community.tests.common import (
    AppointmentCase,
    new_staff_user,
    weekly_hours,
)


class MigrantCase(AppointmentCase):
    """A ΚΕΜ attached to the test centre, its staff (a professional, reception,
    three interpreters) and three of its people."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kem = cls.env["kentro.centre"].create(
            {
                "name": "ΚΕΜ Δοκιμής",
                "code": "KK-T-KEM",
                "centre_type": "migrant_annex",
                "parent_id": cls.centre.id,
                "company_id": cls.municipality.id,
                "resource_calendar_id": weekly_hours(
                    cls.env, "Ωράριο ΚΕΜ", 8, 16, cls.municipality
                ).id,
            }
        )
        ref = cls.env.ref
        cls.arabic = ref("kentro_migrant_annex.kentro_language_ar")
        cls.farsi = ref("kentro_migrant_annex.kentro_language_fa")
        cls.dari = ref("kentro_migrant_annex.kentro_language_prs")

        def staff(login, group, role, languages=()):
            user = new_staff_user(cls.env, login, group, cls.municipality, cls.kem, ref(role))
            user.kentro_language_ids = [(6, 0, [language.id for language in languages])]
            return user

        professional = "kentro_community.group_kentro_professional"
        reception = "kentro_community.group_kentro_reception"
        cls.kem_professional = staff(
            "kem_professional",
            professional,
            "kentro_community.kentro_staff_role_social_worker",
        )
        cls.kem_reception = staff(
            "kem_reception", reception, "kentro_community.kentro_staff_role_administrative"
        )
        interpreter = "kentro_migrant_annex.kentro_staff_role_interpreter"
        cls.interpreter_ar = staff("interpreter_ar", reception, interpreter, [cls.arabic])
        cls.interpreter_ar_fa = staff(
            "interpreter_ar_fa", reception, interpreter, [cls.arabic, cls.farsi]
        )
        cls.interpreter_fa = staff("interpreter_fa", reception, interpreter, [cls.farsi])

        Beneficiary = cls.env["kentro.beneficiary"]
        cls.syrian = Beneficiary.create(
            {
                "first_name": "Αχμάντ",
                "last_name": "Χασάν",
                "gender": "male",
                "birthdate": date(1984, 4, 12),
                "centre_id": cls.kem.id,
                "nationality_id": ref("base.sy").id,
                "origin_country_id": ref("base.sy").id,
                "migrant_status": "international_protection",
                "arrival_date": date(2019, 3, 2),
                "interpreter_needed": True,
                "interpreter_language_id": cls.arabic.id,
            }
        )
        cls.afghan = Beneficiary.create(
            {
                "first_name": "Ζαχρά",
                "last_name": "Χοσεϊνί",
                "gender": "female",
                "birthdate": date(1996, 1, 17),
                "centre_id": cls.kem.id,
                "origin_country_id": ref("base.af").id,
                "migrant_status": "asylum_seeker",
                "interpreter_needed": True,
                "interpreter_language_id": cls.dari.id,
            }
        )
        cls.french = Beneficiary.create(
            {
                "first_name": "Claire",
                "last_name": "Martin",
                "gender": "female",
                "birthdate": date(2010, 6, 1),
                "centre_id": cls.kem.id,
                "nationality_id": ref("base.fr").id,
                "origin_country_id": ref("base.fr").id,
                "migrant_status": "eu_citizen",
            }
        )

    @contextmanager
    def assertRefused(self, exception, pattern):
        """Odoo's assertRaises (which rolls the refused change back, as a
        request would), and the message says ``pattern``."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)
