from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import ThreeAxesCase

INTAKE_FIELDS = ("intake_channel", "referring_agency_id", "intake_need_ids")


class IntakeCase(ThreeAxesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.housing = cls.env.ref("kentro_community.kentro_need_housing")
        cls.papadopoulos.write(
            {
                "intake_channel": "agency",
                "referring_agency_id": cls.dypa.id,
                "intake_need_ids": [(6, 0, cls.housing.ids)],
            }
        )


@tagged("kentro", "kentro_intake")
class TestIntake(IntakeCase):
    def test_the_professional_records_how_and_why_the_person_came(self):
        with Form(self.mother.with_user(self.user_professional)) as form:
            form.intake_channel = "agency"
            form.referring_agency_id = self.opeka
            form.intake_need_ids.add(self.housing)
        self.assertEqual(self.mother.referring_agency_id, self.opeka)
        self.assertEqual(self.mother.intake_need_ids, self.housing)

    def test_the_referring_agency_must_be_an_agency_of_the_registry(self):
        person = self.env["res.partner"].create({"name": "Ιδιώτης"})
        with self.assertRaises(ValidationError) as caught:
            self.mother.write({"intake_channel": "agency", "referring_agency_id": person.id})
        self.assertIn("not an agency of the registry", str(caught.exception))

    def test_an_agency_is_named_only_when_the_person_was_referred(self):
        with self.assertRaises(ValidationError) as caught:
            self.mother.write({"intake_channel": "school", "referring_agency_id": self.dypa.id})
        message = str(caught.exception)
        self.assertIn("«School»", message)
        self.assertIn("clear «Referred by»", message)
        self.mother.write({"intake_channel": "self"})
        self.assertFalse(self.mother.referring_agency_id)

    @freeze_time("2026-03-16")
    def test_the_first_contact_cannot_be_in_the_future(self):
        with self.assertRaises(ValidationError) as caught:
            self.mother.first_contact_date = date(2026, 3, 17)
        self.assertIn("17/03/2026, is in the future", str(caught.exception))
        self.mother.first_contact_date = date(2026, 3, 16)

    @freeze_time("2026-03-16")
    def test_a_new_file_is_first_contacted_today(self):
        person = (
            self.env["kentro.beneficiary"]
            .with_user(self.user_reception)
            .create({"first_name": "Άννα", "last_name": "Δήμου", "centre_id": self.centre.id})
        )
        self.assertEqual(person.first_contact_date, date(2026, 3, 16))


@tagged("kentro", "kentro_intake", "kentro_privacy")
class TestIntakeIsForProfessionals(IntakeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Export is refused to reception as a whole: allowed here, the fields
        # must still be refused one by one.
        cls.user_reception.groups_id = [(4, cls.env.ref("base.group_allow_export").id)]

    def test_reception_reads_no_intake_reason(self):
        People = self.env["kentro.beneficiary"].with_user(self.user_reception)
        person = self.papadopoulos.with_user(self.user_reception)
        self.assertEqual(person.first_contact_date, self.papadopoulos.first_contact_date)
        for name in INTAKE_FIELDS:
            with self.subTest(field=name):
                with self.assertRaises(AccessError):
                    person.read([name])
                with self.assertRaises(AccessError):
                    People.search_read([("id", "=", person.id)], [name])
                with self.assertRaises(AccessError):
                    People.read_group([], [name], [name])
                with self.assertRaises(AccessError):
                    person.export_data([name])
                with self.assertRaises(AccessError):
                    People.search([(name, "!=", False)])
                if name != "intake_channel":
                    with self.assertRaises(AccessError):
                        People.search([(f"{name}.name", "=", "ΔΥΠΑ")])
        self.assertNotIn("intake_channel", People.fields_get())

    def test_reception_sees_no_intake_reason_on_the_file_nor_need_on_a_service(self):
        for model, view, names in (
            ("kentro.beneficiary", "form", (*INTAKE_FIELDS, "current_need_assessment_ids")),
            ("kentro.service", "list", ("need_id",)),
        ):
            for user, shown in ((self.user_reception, False), (self.user_professional, True)):
                arch = self.env[model].with_user(user).get_views([(False, view)])["views"][view]
                for name in names:
                    self.assertEqual(f'name="{name}"' in arch["arch"], shown, (user.login, name))

    def test_reception_reads_no_service_need(self):
        service = self.env["kentro.service"].create(
            {
                "beneficiary_id": self.mother.id,
                "service_type_id": self.application_support.id,
                "need_id": self.housing.id,
            }
        )
        Service = self.env["kentro.service"].with_user(self.user_reception)
        with self.assertRaises(AccessError):
            service.with_user(self.user_reception).read(["need_id"])
        with self.assertRaises(AccessError):
            Service.search_read([], ["need_id"])
        with self.assertRaises(AccessError):
            Service.read_group([], ["need_id"], ["need_id"])
        with self.assertRaises(AccessError):
            service.with_user(self.user_reception).export_data(["need_id"])
        with self.assertRaises(AccessError):
            Service.search([("need_id", "=", self.housing.id)])
        self.assertEqual(service.with_user(self.user_professional).need_id, self.housing)


@tagged("kentro", "kentro_intake")
class TestServicesByProgrammeAndNeed(IntakeCase):
    def test_a_service_logged_by_an_application_names_its_programme(self):
        application = self._application()
        application.action_collect()
        application.line_ids.write({"state": "not_needed"})
        application.action_submit()
        self.assertEqual(application.service_ids.programme_id, self.gmi)

    def test_a_service_logged_by_a_referral_names_the_referral_programme(self):
        self.env["kentro.consent"].create(
            {"beneficiary_id": self.mother.id, "agency_id": self.dypa.id}
        )
        referral = self._referral()
        referral.programme_id = self.gmi
        referral.action_send()
        self.assertEqual(referral.service_ids.programme_id, self.gmi)

    def test_the_programme_and_need_are_chosen_on_a_logged_service(self):
        with Form(self.env["kentro.service"].with_user(self.user_professional)) as form:
            form.beneficiary_id = self.mother
            form.service_type_id = self.env.ref("kentro_community.kentro_service_type_information")
            form.programme_id = self.gmi
            form.need_id = self.housing
        self.assertEqual((form.record.programme_id, form.record.need_id), (self.gmi, self.housing))
