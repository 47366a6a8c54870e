from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged, users

from ..tools import phones
from .common import KentroRegistryCase

# One Greek mobile number, as staff type it.
SPELLINGS = ("+30 697 123 4567", "0030 6971234567", "697 123 4567", "6971234567")
E164 = "+306971234567"


@tagged("kentro", "kentro_registry", "kentro_phones")
class TestPhoneNumbers(KentroRegistryCase):
    def _register(self, **values):
        return self.env["kentro.beneficiary"].create(
            {"first_name": "Άννα", "last_name": "Δημητρίου", "centre_id": self.centre.id, **values}
        )

    def test_every_spelling_has_one_normal_form(self):
        for typed in (*SPELLINGS, "(697) 123-4567", "697.123.4567"):
            self.assertEqual(phones.e164(typed), E164, typed)

    @users("kentro_reception")
    def test_the_typed_number_is_kept_beside_its_normal_form(self):
        person = self._register(phone="0030 210 123 4567", mobile="697 123 4567")
        self.assertEqual(person.phone, "0030 210 123 4567")
        self.assertEqual(person.mobile, "697 123 4567")
        self.assertEqual(person.phone_e164, "+302101234567")
        self.assertEqual(person.mobile_e164, E164)

    @users("kentro_reception")
    def test_found_by_each_spelling_on_phone_and_on_mobile(self):
        Beneficiary = self.env["kentro.beneficiary"]
        person = self._register(phone=SPELLINGS[0])
        for field, other in (("phone", "mobile"), ("mobile", "phone")):
            person.write({field: SPELLINGS[0], other: False})
            for typed in SPELLINGS:
                self.assertEqual(
                    [row[0] for row in Beneficiary.name_search(typed)], [person.id], (field, typed)
                )
                self.assertEqual(
                    Beneficiary.search([("display_name", "ilike", typed)]), person, (field, typed)
                )

    @users("kentro_reception")
    def test_an_invalid_number_is_refused_saying_how_to_write_it(self):
        for values in ({"mobile": "697123"}, {"phone": "21012345678"}, {"phone": "τηλέφωνο"}):
            with self.assertRaises(ValidationError) as caught:
                self._register(**values)
            message = str(caught.exception)
            self.assertIn(next(iter(values.values())), message)
            self.assertIn("is not a valid phone number", message)
            self.assertIn("2101234567 or 6912345678", message)
        person = self.papadopoulos.with_env(self.env)
        with self.assertRaises(ValidationError):
            person.mobile = "69712345"
        form = Form(person)
        form.phone = "12"
        with self.assertRaises(ValidationError):
            form.save()

    def test_an_invalid_number_is_refused_on_the_person_s_contact_too(self):
        with self.assertRaises(ValidationError):
            self.papadopoulos.partner_id.mobile = "69712345"
        # Other contacts (agencies, users) are Odoo's: their numbers stay free.
        agency = self.env["res.partner"].create({"name": "Φορέας", "phone": "1555"})
        self.assertEqual(agency.phone, "1555")

    @users("kentro_reception")
    def test_a_foreign_number_is_kept_and_found(self):
        person = self._register(mobile="+44 20 7946 0958")
        self.assertEqual(person.mobile, "+44 20 7946 0958")
        self.assertEqual(person.mobile_e164, "+442079460958")
        Beneficiary = self.env["kentro.beneficiary"]
        for typed in ("+442079460958", "0044 20 7946 0958"):
            self.assertEqual(Beneficiary.search([("display_name", "ilike", typed)]), person, typed)

    def test_the_normal_form_follows_the_contact(self):
        self.assertEqual(self.papadopoulos.phone_e164, "+302271044556")
        self.papadopoulos.partner_id.phone = "+30 22710 44557"
        self.assertEqual(self.papadopoulos.phone_e164, "+302271044557")
        self.papadopoulos.partner_id.phone = False
        self.assertFalse(self.papadopoulos.phone_e164)

    @users("kentro_reception")
    def test_the_search_compares_the_normal_form_with_equality(self):
        Beneficiary = self.env["kentro.beneficiary"]
        for typed in SPELLINGS:
            self.assertEqual(
                Beneficiary._search_display_name("ilike", typed),
                ["|", ("phone_e164", "=", E164), ("mobile_e164", "=", E164)],
                typed,
            )
        sql = Beneficiary._search([("display_name", "ilike", SPELLINGS[1])]).select().code
        self.assertIn('"kentro_beneficiary"."phone_e164" = %s', sql)
        self.assertIn('"kentro_beneficiary"."mobile_e164" = %s', sql)
        self.assertNotIn('"res_partner"', sql)

    def test_the_normal_forms_have_a_btree_index(self):
        for field in ("phone_e164", "mobile_e164"):
            self.cr.execute(
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'kentro_beneficiary'"
                " AND indexdef ILIKE %s",
                [f"%({field})%"],
            )
            [definition] = self.cr.fetchone()
            self.assertIn("btree", definition, field)
