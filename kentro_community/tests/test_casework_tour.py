from dateutil.relativedelta import relativedelta

from odoo.tests import HttpCase, tagged

from .common import KentroRegistryCase


@tagged("post_install", "-at_install", "kentro", "kentro_tour")
class TestCaseworkMethodTour(HttpCase, KentroRegistryCase):
    def test_professional_follows_the_method_from_intake_to_closure(self):
        self.env["res.lang"]._activate_lang("el_GR")
        self.user_professional.lang = "el_GR"
        dypa = self.env.ref("kentro_community.res_partner_agency_dypa")
        opeka = self.env.ref("kentro_community.res_partner_agency_opeka")
        employment = self.env.ref("kentro_community.kentro_need_employment")
        # Registered by the professional, in Greek: the file's history reads in Greek.
        person = (
            self.env["kentro.beneficiary"]
            .with_user(self.user_professional)
            .with_context(lang="el_GR")
            .create({"first_name": "Σοφία", "last_name": "Μαυρίδου", "centre_id": self.centre.id})
        )
        # Her consent to share her data with ΔΥΠΑ, under which she may be referred.
        self.env["kentro.consent"].create({"beneficiary_id": person.id, "agency_id": dypa.id})
        self.start_tour("/odoo", "kentro_casework_method_tour", login="kentro_professional")

        self.assertEqual(person.intake_channel, "agency")
        self.assertEqual(person.referring_agency_id, opeka)
        self.assertEqual(person.intake_need_ids, employment)
        assessment = person.need_assessment_ids
        self.assertEqual(len(assessment), 1)
        self.assertEqual((assessment.need_id, assessment.severity), (employment, "high"))
        self.assertEqual(assessment.user_id, self.user_professional)

        plan = person.support_plan_ids
        self.assertEqual(len(plan), 1)
        self.assertEqual(plan.state, "closed")
        self.assertTrue(plan.close_date)
        self.assertEqual(plan.close_reason, "Βρήκε εργασία μέσω της ΔΥΠΑ.")
        self.assertFalse(plan.next_review_date, "a closed plan has no next review")
        self.assertEqual(person.state, "active", "the file itself stays open")
        goal = plan.goal_ids
        self.assertEqual(
            (goal.name, goal.need_id, goal.outcome), ("Εργασία", employment, "achieved")
        )

        action = plan.action_ids
        self.assertEqual((action.kind, action.agency_id, action.goal_id), ("agency", dypa, goal))
        referral = action.referral_id
        self.assertEqual(referral, person.referral_ids, "the referral is the file's")
        self.assertEqual(referral.agency_id, dypa)
        self.assertEqual(referral.state, "draft", "it is sent from the referral, under the consent")
        self.assertEqual(action.state, "cancelled", "an action still open is cancelled at closing")

        reviews = plan.review_ids
        self.assertEqual(len(reviews), 2)
        done = reviews.filtered(lambda review: review.state == "done")
        next_review = reviews - done
        self.assertEqual(done.state, "done")
        self.assertEqual(done.date, plan.close_date)
        self.assertEqual(done.line_ids.goal_id, goal)
        self.assertEqual(done.line_ids.progress, "good")
        self.assertEqual(done.summary, "Γράφτηκε στη ΔΥΠΑ, ψάχνει εργασία.")
        self.assertEqual(next_review.state, "cancelled", "the next review is cancelled at closing")
        self.assertEqual(
            next_review.scheduled_date,
            done.date + relativedelta(months=plan.review_interval_months),
            "the next review was planned one interval after the one held",
        )
