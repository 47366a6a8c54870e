from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SettlementReportCase


@tagged("kentro", "kentro_roma", "kentro_security")
class TestAnnexAccessSplit(SettlementReportCase):
    """Annex staff see the annex's files, the reference centre's head sees both,
    the main centre's professionals see annex files only once assigned to the
    annex. Asserted the way RPC reaches the data."""

    def setUp(self):
        super().setUp()
        # Exporting is a right of its own in Odoo; here every role has it.
        export = self.env.ref("base.group_allow_export")
        (self.mediator | self.user_head | self.user_professional | self.user_reception).write(
            {"groups_id": [(4, export.id)]}
        )
        self.annex_people = self.members | self.uncle | self.people_b
        self.escort = (
            self.env["kentro.roma.escort"]
            .with_user(self.mediator)
            .create({"beneficiary_id": self.members[0].id, "destination": "kep", "purpose": "ΚΕΠ"})
        )
        self.visit = (
            self.env["kentro.roma.field.visit"]
            .with_user(self.mediator)
            .create({"settlement_id": self.settlement_b.id, "purpose": "Ενημέρωση"})
        )

    def _visible(self, user, model="kentro.beneficiary"):
        """What ``user`` reaches of ``model`` through search_read, read_group,
        name_search and export, each checked to agree with the others."""
        Model = self.env[model].with_user(user)
        found = Model.browse(row["id"] for row in Model.search_read([], ["display_name"]))
        grouped = sum(count for _centre, count in Model._read_group([], ["centre_id"], ["__count"]))
        self.assertEqual(grouped, len(found))
        exported = Model.search([]).export_data(["id"])["datas"]
        self.assertEqual(len(exported), len(found))
        return found

    def test_mediator_sees_the_annex_only(self):
        people = self._visible(self.mediator)
        self.assertEqual(people, self.annex_people)
        self.assertFalse(
            self.env["kentro.beneficiary"].with_user(self.mediator).name_search("Κεντρικός")
        )
        services = self._visible(self.mediator, "kentro.service")
        self.assertEqual(services.beneficiary_id, self.members[:2] | self.people_b[1])
        with self.assertRaises(AccessError):
            self.main_person.with_user(self.mediator).read(["name"])

    def test_head_of_the_reference_centre_sees_both(self):
        people = self._visible(self.user_head)
        self.assertEqual(people, self.annex_people | self.main_person)
        found = self.env["kentro.beneficiary"].with_user(self.user_head).name_search("Κάμπου")
        self.assertEqual({person_id for person_id, _name in found}, set(self.people_b[:3].ids))
        for model, record in (
            ("kentro.roma.escort", self.escort),
            ("kentro.roma.field.visit", self.visit),
            ("kentro.roma.settlement", self.settlement_b),
        ):
            self.assertIn(record, self._visible(self.user_head, model))

    def test_main_centre_professional_sees_annex_files_once_assigned(self):
        professional = self.user_professional
        for model in (
            "kentro.beneficiary",
            "kentro.service",
            "kentro.roma.escort",
            "kentro.roma.field.visit",
            "kentro.roma.school.record",
        ):
            self.assertFalse(
                self._visible(professional, model).filtered(
                    lambda r: r.centre_id == self.roma_annex
                ),
                model,
            )
        self.assertEqual(self._visible(professional), self.main_person)
        self.assertFalse(
            self.env["kentro.beneficiary"].with_user(professional).name_search("Κάμπου")
        )
        with self.assertRaises(AccessError):
            self.members[0].with_user(professional).read(["name"])
        with self.assertRaises(AccessError):
            self.escort.with_user(professional).write({"outcome": "—"})

        # Assigned to the annex as well (Settings > Users, Community Centre tab).
        professional.kentro_centre_ids |= self.roma_annex
        self.assertEqual(self._visible(professional), self.annex_people | self.main_person)
        self.assertIn(self.escort, self._visible(professional, "kentro.roma.escort"))
        self.escort.with_user(professional).write({"outcome": "Εκδόθηκε πιστοποιητικό"})
        self.assertEqual(self.escort.outcome, "Εκδόθηκε πιστοποιητικό")

    def test_reception_of_the_main_centre_does_not_see_the_annex(self):
        self.assertEqual(self._visible(self.user_reception), self.main_person)
        self.assertFalse(self._visible(self.user_reception, "kentro.roma.field.visit"))
