from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ThreeAxesCase


class JobBankCase(ThreeAxesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cooking = cls.env.ref("kentro_community.kentro_skill_cooking")
        cls.cleaning = cls.env.ref("kentro_community.kentro_skill_cleaning")
        cls.driving = cls.env.ref("kentro_community.kentro_skill_driving_b")
        cls.employer = cls.env["res.partner"].create(
            {"name": "Ταβέρνα Το Λιμάνι", "is_company": True}
        )
        Seeker = cls.env["kentro.job.seeker"]
        cls.seeker_mother = Seeker.create(
            {
                "beneficiary_id": cls.mother.id,
                "skill_ids": [(6, 0, (cls.cooking | cls.cleaning).ids)],
                "area": "Βροντάδος",
            }
        )
        cls.seeker_papadopoulos = Seeker.create(
            {
                "beneficiary_id": cls.papadopoulos.id,
                "skill_ids": [(6, 0, cls.cooking.ids)],
                "area": "ΒΡΟΝΤΑΔΟΣ",
            }
        )
        cls.driver = cls.env["kentro.beneficiary"].create(
            {"first_name": "Στέλιος", "last_name": "Μανής", "centre_id": cls.centre.id}
        )
        cls.seeker_driver = Seeker.create(
            {
                "beneficiary_id": cls.driver.id,
                "skill_ids": [(6, 0, (cls.driving | cls.cooking).ids)],
                "area": "Καρδάμυλα",
            }
        )
        cls.offer = (
            cls.env["kentro.job.offer"]
            .with_user(cls.user_professional)
            .create(
                {
                    "name": "Βοηθός κουζίνας",
                    "employer_id": cls.employer.id,
                    "centre_id": cls.centre.id,
                    "skill_ids": [(6, 0, (cls.cooking | cls.cleaning).ids)],
                    "area": "Βροντάδος",
                    "positions": 1,
                }
            )
        )
        cls.job_mediation = cls.env.ref("kentro_community.kentro_service_type_job_mediation")


@tagged("kentro", "kentro_axes")
class TestJobBank(JobBankCase):
    def test_matching_by_skills_and_area_best_first(self):
        # Same area whatever the accents or case; the annex person is elsewhere.
        self.assertEqual(
            self.offer.candidate_ids.ids,
            [self.seeker_mother.id, self.seeker_papadopoulos.id],
            "two shared skills rank above one",
        )
        self.offer.area = False
        self.assertIn(self.seeker_driver, self.offer.candidate_ids)
        self.offer.skill_ids = self.driving
        self.assertEqual(self.offer.candidate_ids, self.seeker_driver)

    def test_placement_outcome_fills_the_offer_and_logs_one_service(self):
        Placement = self.env["kentro.job.placement"].with_user(self.user_professional)
        placement = Placement.create(
            {"offer_id": self.offer.id, "seeker_id": self.seeker_mother.id}
        )
        self.assertEqual(placement.beneficiary_id, self.mother)
        self.assertEqual(placement.state, "proposed")
        self.assertNotIn(self.seeker_mother, self.offer.candidate_ids, "already proposed")
        services = self.env["kentro.service"].search([("placement_id", "=", placement.id)])
        self.assertEqual(services.service_type_id, self.job_mediation)
        self.assertEqual(services.beneficiary_id, self.mother)
        placement.action_interview()
        placement.action_hired()
        self.assertEqual(placement.outcome_date, fields.Date.context_today(placement))
        self.assertEqual(self.seeker_mother.state, "placed")
        self.assertEqual(self.offer.state, "filled", "its one position is taken")
        self.assertEqual(
            self.env["kentro.service"].search_count([("placement_id", "=", placement.id)]), 1
        )
        with self.assertRaises(UserError):
            placement.action_not_hired()
        with self.assertRaises(UserError):
            Placement.create({"offer_id": self.offer.id, "seeker_id": self.seeker_papadopoulos.id})

    def test_not_hired_keeps_the_offer_open(self):
        placement = self.env["kentro.job.placement"].create(
            {"offer_id": self.offer.id, "seeker_id": self.seeker_papadopoulos.id}
        )
        placement.action_not_hired()
        self.assertEqual(placement.state, "not_hired")
        self.assertEqual(self.offer.state, "open")
        self.assertEqual(self.seeker_papadopoulos.state, "active")

    def test_a_beneficiary_is_one_job_seeker(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["kentro.job.seeker"].create({"beneficiary_id": self.mother.id})

    def test_reception_cannot_read_cv_or_notes(self):
        Seeker = self.env["kentro.job.seeker"].with_user(self.user_reception)
        self.assertIn(self.seeker_mother, Seeker.search([]))
        for field in ("cv", "notes"):
            self.assertNotIn(field, Seeker.fields_get())
            with self.assertRaises(AccessError):
                Seeker.search_read([], [field])
        with self.assertRaises(AccessError):
            Seeker.browse(self.seeker_mother.id).write({"area": "Χίος"})

    def test_other_structure_sees_no_job_seeker(self):
        annex_seeker = self.env["kentro.job.seeker"].create(
            {"beneficiary_id": self.annex_person.id, "skill_ids": [(6, 0, self.cooking.ids)]}
        )
        outsider = self.user_annex_professional
        Seeker = self.env["kentro.job.seeker"].with_user(outsider)
        self.assertEqual(Seeker.search([]), annex_seeker, "only the annex's own person")
        self.assertEqual(Seeker.name_search("Οικονόμου"), [])
        self.assertEqual(Seeker.name_search("Ζαφειρίου"), [(annex_seeker.id, "Ζαφειρίου Ελένη")])
        self.assertFalse(self.env["kentro.job.offer"].with_user(outsider).search_read([], ["name"]))


@tagged("kentro", "kentro_axes")
class TestGoodsAndVolunteers(JobBankCase):
    def _distribution(self, user=None):
        Distribution = self.env["kentro.goods.distribution"].with_user(user or self.user_reception)
        parcel = self.env.ref("kentro_community.kentro_goods_item_food_parcel")
        milk = self.env.ref("kentro_community.kentro_goods_item_milk")
        return Distribution.create(
            {
                "beneficiary_id": self.mother.id,
                "line_ids": [
                    (0, 0, {"item_id": parcel.id, "quantity": 2}),
                    (0, 0, {"item_id": milk.id, "quantity": 6}),
                ],
            }
        )

    def test_distribution_to_a_household_logs_one_service(self):
        distribution = self._distribution()
        self.assertEqual(distribution.household_id, self.household)
        self.assertEqual(distribution.centre_id, self.centre)
        distribution.action_done()
        service = self.env["kentro.service"].search(
            [("goods_distribution_id", "=", distribution.id)]
        )
        self.assertEqual(
            service.service_type_id,
            self.env.ref("kentro_community.kentro_service_type_goods_distribution"),
        )
        with self.assertRaises(UserError):
            distribution.action_done()
        with self.assertRaises(UserError):
            distribution.line_ids[0].quantity = 10
        self.assertEqual(distribution.line_ids[0].quantity, 2)
        totals = dict(
            self.env["kentro.goods.distribution.line"]._read_group(
                [("distribution_id.household_id", "=", self.household.id)],
                ["item_id"],
                ["quantity:sum"],
            )
        )
        self.assertEqual(sorted(totals.values()), [2, 6])

    def test_quantities_must_be_positive_and_lines_present(self):
        Distribution = self.env["kentro.goods.distribution"]
        empty = Distribution.create({"beneficiary_id": self.mother.id})
        with self.assertRaises(UserError):
            empty.action_done()
        self.assertEqual(empty.state, "draft")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["kentro.goods.distribution.line"].create(
                {
                    "distribution_id": empty.id,
                    "item_id": self.env.ref("kentro_community.kentro_goods_item_milk").id,
                    "quantity": 0,
                }
            )

    def test_distributions_of_another_structure_are_invisible(self):
        self._distribution()
        outsider = self.user_annex_professional
        for model in ("kentro.goods.distribution", "kentro.goods.distribution.line"):
            self.assertFalse(self.env[model].with_user(outsider).search_read([], ["id"]), model)

    def test_volunteers_found_by_skill_and_day(self):
        Partner = self.env["res.partner"].with_user(self.user_reception)
        volunteer = Partner.create(
            {
                "name": "Μαρία Εθελόντρια",
                "kentro_is_volunteer": True,
                "kentro_volunteer_centre_id": self.centre.id,
                "kentro_skill_ids": [(6, 0, self.driving.ids)],
                "kentro_availability_ids": [
                    (0, 0, {"dayofweek": "1", "hour_from": 17.0, "hour_to": 20.0})
                ],
            }
        )
        found = Partner.search(
            [
                ("kentro_is_volunteer", "=", True),
                ("kentro_skill_ids", "in", self.driving.ids),
                ("kentro_availability_ids.dayofweek", "=", "1"),
            ]
        )
        self.assertEqual(found, volunteer)
        self.assertFalse(
            Partner.search(
                [
                    ("kentro_is_volunteer", "=", True),
                    ("kentro_availability_ids.dayofweek", "=", "4"),
                ]
            )
        )
        with self.assertRaises(ValidationError):
            volunteer.kentro_availability_ids.write({"hour_to": 16.0})


@tagged("kentro", "kentro_axes")
class TestTimeline(JobBankCase):
    def test_timeline_dates_everything_on_the_file(self):
        self._consent(agency_id=self.dypa.id)
        referral = self._referral()
        referral.action_send()
        referral.action_accept()
        referral.action_complete()
        application = self._application()
        application.action_collect()
        for line in application.line_ids:
            line.state = "received"
        application.action_submit()
        placement = self.env["kentro.job.placement"].create(
            {"offer_id": self.offer.id, "seeker_id": self.seeker_mother.id}
        )
        placement.action_hired()
        timeline = self.env["kentro.beneficiary.timeline"].with_user(self.user_professional)
        lines = timeline.search([("beneficiary_id", "=", self.mother.id)])
        kinds = sorted(line.kind for line in lines)
        self.assertEqual(
            kinds,
            sorted(
                [
                    "consent_given",
                    "referral_sent",
                    "referral_accepted",
                    "referral_completed",
                    "service",  # the referral's
                    "application_submitted",
                    "service",  # the application's
                    "job_seeker",
                    "service",  # job mediation
                    "placement_hired",
                ]
            ),
        )
        self.assertEqual(lines, self.mother.with_user(self.user_professional).timeline_ids)
        sent = lines.filtered(lambda line: line.kind == "referral_sent")
        self.assertEqual(sent.partner_id, self.dypa)
        self.assertIn(self.dypa.name, sent.summary)
        action = sent.action_open()
        self.assertEqual((action["res_model"], action["res_id"]), ("kentro.referral", referral.id))
        # A professional of another structure sees none of it, however asked.
        Outside = self.env["kentro.beneficiary.timeline"].with_user(self.user_annex_professional)
        self.assertFalse(Outside.search_read([("beneficiary_id", "=", self.mother.id)], ["kind"]))
        self.assertFalse(Outside.read_group([], ["__count"], ["kind"]))
