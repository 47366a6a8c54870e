from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase
from odoo.tools.safe_eval import safe_eval

from odoo.addons.mail.tests.common import mail_new_test_user

from ..tools import dates


def new_staff_user(env, login, groups, company, centres=None, role=None):
    """A user of ``company``; for staff, working at ``centres`` in ``role``."""
    user = mail_new_test_user(
        env,
        login=login,
        name=login.replace("_", " ").title(),
        email=f"{login}@test.example.com",
        groups=groups,
        company_id=company.id,
        company_ids=[company.id],
        notification_type="inbox",
        tz=dates.GREEK_TZ,
    )
    if centres or role:
        user.write({"kentro_centre_ids": [(6, 0, centres.ids)], "kentro_role_id": role and role.id})
    return user


class KentroCommunityCase(TransactionCase):
    """Users of every Community Centre role and two municipalities, created
    without relying on demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The tests' own records count days in Greek time, as the staff users
        # below do (Odoo ships its superuser in Brussels time).
        cls.env.user.tz = dates.GREEK_TZ
        cls.municipality = cls.env["res.company"].create({"name": "Δήμος Δοκιμής"})
        cls.other_municipality = cls.env["res.company"].create({"name": "Δήμος Άλλος"})

        def new_user(login, groups, company=None):
            return new_staff_user(cls.env, login, groups, company or cls.municipality)

        cls.user_reception = new_user("kentro_reception", "kentro_community.group_kentro_reception")
        cls.user_professional = new_user(
            "kentro_professional", "kentro_community.group_kentro_professional"
        )
        cls.user_head = new_user("kentro_head", "kentro_community.group_kentro_head")
        cls.user_supervisor = new_user(
            "kentro_supervisor", "kentro_community.group_kentro_supervisor"
        )
        cls.user_manager = new_user(
            "kentro_manager", "kentro_community.group_kentro_manager,base.group_allow_export"
        )
        cls.user_manager_other = new_user(
            "kentro_manager_other",
            "kentro_community.group_kentro_manager",
            company=cls.other_municipality,
        )
        cls.user_employee = new_user("kentro_employee", "base.group_user")

        Centre = cls.env["kentro.centre"]
        cls.centre = Centre.create(
            {"name": "Κέντρο Κοινότητας Δοκιμής", "code": "KK-T", "company_id": cls.municipality.id}
        )
        cls.annex = Centre.create(
            {
                "name": "Παράρτημα Δοκιμής",
                "code": "KK-T-P",
                "centre_type": "annex",
                "parent_id": cls.centre.id,
                "company_id": cls.municipality.id,
            }
        )
        cls.other_centre = Centre.create(
            {
                "name": "Κέντρο Κοινότητας Άλλου Δήμου",
                "code": "KK-O",
                "company_id": cls.other_municipality.id,
            }
        )
        cls.second_centre = Centre.create(
            {"name": "Δεύτερο Κέντρο Δοκιμής", "code": "KK-T2", "company_id": cls.municipality.id}
        )
        # Reception and the professional work at the centre, the annex professional
        # at the annex, the head heads the centre (and so sees the annex).
        cls.user_annex_professional = new_user(
            "kentro_annex_professional", "kentro_community.group_kentro_professional"
        )
        cls.social_worker = cls.env.ref("kentro_community.kentro_staff_role_social_worker")
        cls.psychologist = cls.env.ref("kentro_community.kentro_staff_role_psychologist")
        for user, centre, role in (
            (cls.user_reception, cls.centre, "kentro_staff_role_administrative"),
            (cls.user_professional, cls.centre, "kentro_staff_role_psychologist"),
            (cls.user_head, cls.centre, "kentro_staff_role_social_worker"),
            (cls.user_annex_professional, cls.annex, "kentro_staff_role_social_worker"),
            (cls.user_manager, cls.centre, "kentro_staff_role_administrative"),
        ):
            user.write(
                {
                    "kentro_centre_ids": [(6, 0, centre.ids)],
                    "kentro_role_id": cls.env.ref(f"kentro_community.{role}").id,
                }
            )
        cls.user_manager_other.kentro_centre_ids = cls.other_centre


class KentroRegistryCase(KentroCommunityCase):
    """Adds beneficiaries at the centre, its annex and a second centre."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Beneficiary = cls.env["kentro.beneficiary"]
        cls.papadopoulos = Beneficiary.create(
            {
                "first_name": "Γεώργιος",
                "last_name": "Παπαδόπουλος",
                "birthdate": date(1980, 3, 15),
                "amka": "15038012348",
                "afm": "090000045",
                "gender": "male",
                "phone": "2271044556",
                "centre_id": cls.centre.id,
                "social_history": "<p>Οφειλές ενοικίου.</p>",
            }
        )
        cls.annex_person = Beneficiary.create(
            {
                "first_name": "Ελένη",
                "last_name": "Ζαφειρίου",
                "birthdate": date(1975, 7, 1),
                "centre_id": cls.annex.id,
            }
        )
        cls.second_centre_person = Beneficiary.create(
            {
                "first_name": "Νίκος",
                "last_name": "Οικονόμου",
                "birthdate": date(1990, 1, 20),
                "centre_id": cls.second_centre.id,
            }
        )


class StructureTypeCases:
    """Tests every structure-type addon runs for its own type: mix into a
    KentroCommunityCase and set ``structure_type``, ``action_xmlid`` and
    ``greek_label``."""

    # Odoo 18's loader only runs test methods a class defines itself, unless told.
    allow_inherited_tests_method = True
    structure_type = None
    action_xmlid = None
    greek_label = None

    def _action_records(self, user):
        action = self.env.ref(self.action_xmlid)
        domain = safe_eval(action.domain or "[]")
        return self.env["kentro.centre"].with_user(user).search(domain)

    def test_structure_is_attached_to_a_reference_centre(self):
        Centre = self.env["kentro.centre"].with_user(self.user_manager)
        structure = Centre.with_context(
            default_centre_type=self.structure_type,
        ).create({"name": "Δομή Δοκιμής", "parent_id": self.centre.id})
        self.assertEqual(structure.centre_type, self.structure_type)
        self.assertIn(structure, self.centre.child_ids)
        self.assertEqual(self._action_records(self.user_head), structure)

    def test_structure_without_reference_centre_is_refused(self):
        Centre = self.env["kentro.centre"].with_user(self.user_manager)
        with self.assertRaises(ValidationError) as caught:
            Centre.create({"name": "Δομή χωρίς Κέντρο", "centre_type": self.structure_type})
        self.assertIn("choose the reference centre", str(caught.exception))
        self.assertFalse(self._action_records(self.user_manager))

    def test_structure_type_reads_in_greek(self):
        field = self.env["kentro.centre"].with_context(lang="el_GR").fields_get(["centre_type"])
        self.assertEqual(
            dict(field["centre_type"]["selection"])[self.structure_type], self.greek_label
        )
