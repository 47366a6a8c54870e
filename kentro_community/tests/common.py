import contextlib
import csv
import io
import subprocess
import tempfile
import zipfile
from datetime import date, datetime, time, timedelta

import polib
import pytz
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user
from odoo.tools import file_path
from odoo.tools.safe_eval import safe_eval
from odoo.tools.translate import TranslationModuleReader

from odoo.addons.mail.tests.common import mail_new_test_user

from ..tools import dates, public_holidays

ATHENS = pytz.timezone("Europe/Athens")


def athens(day, hour, minute=0):
    """Naive UTC of a local Athens time, as Odoo stores datetimes."""
    local = ATHENS.localize(datetime.combine(day, time(hour, minute)))
    return local.astimezone(pytz.utc).replace(tzinfo=None)


@contextlib.contextmanager
def assert_odoo_calls(case, model, method):
    """Fails ``case`` unless Odoo calls ``method`` of ``model`` in the block:
    the non-public hook a Kentro override relies on is still called so."""
    cls = type(model)
    original = getattr(cls, method)
    calls = []

    def spy(self, *args, **kwargs):
        calls.append(self._name)
        return original(self, *args, **kwargs)

    for flag in ("_api_model", "_api_model_create"):
        if hasattr(original, flag):
            setattr(spy, flag, getattr(original, flag))
    setattr(cls, method, spy)
    try:
        yield
    finally:
        setattr(cls, method, original)
    case.assertIn(model._name, calls, f"Odoo no longer calls {model._name}.{method}")


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


def new_company_user(env, login, groups, company):
    """A user of ``company`` only, as Odoo's new_test_user makes it."""
    return new_test_user(
        env, login=login, groups=groups, company_id=company.id, company_ids=[company.id]
    )


def new_group_activity(env, name, centre, service_type, **values):
    """A group activity of ``centre`` giving the service type of XML-id
    ``service_type``."""
    return env["kentro.group.activity"].create(
        {
            "name": name,
            "centre_id": centre.id,
            "service_type_id": env.ref(service_type).id,
            **values,
        }
    )


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

    def test_a_centre_holds_a_structure_of_this_type_beside_an_annex(self):
        Centre = self.env["kentro.centre"]
        centre = Centre.create({"name": "Κέντρο Κοινότητας Δήμου Δοκιμής"})
        types = ["annex", self.structure_type]
        Centre.create(
            [
                {"name": f"Δομή {index}", "centre_type": kind, "parent_id": centre.id}
                for index, kind in enumerate(types)
            ]
        )
        groups = Centre._read_group([("parent_id", "=", centre.id)], ["centre_type"], ["__count"])
        self.assertEqual(dict(groups), dict.fromkeys(types, 1))

    def test_the_structure_type_has_its_menu_under_the_app(self):
        root = self.env.ref("kentro_community.kentro_root_menu")
        action = self.env.ref(self.action_xmlid)
        menu = self.env["ir.ui.menu"].search(
            [("parent_id", "=", root.id), ("action", "=", f"{action._name},{action.id}")]
        )
        self.assertTrue(menu)
        self.assertEqual(action.res_model, "kentro.centre")
        self.assertIn(self.structure_type, action.domain)


def weekly_hours(env, name, hour_from, hour_to, company):
    return env["resource.calendar"].create(
        {
            "name": name,
            "company_id": company.id,
            "tz": "Europe/Athens",
            "attendance_ids": [Command.clear()]
            + [
                Command.create(
                    {
                        "name": f"{day} {hour_from}-{hour_to}",
                        "dayofweek": str(day),
                        "hour_from": hour_from,
                        "hour_to": hour_to,
                        "day_period": "morning",
                    }
                )
                for day in range(5)
            ],
        }
    )


class AppointmentCase(KentroRegistryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kosti = cls.env["kentro.beneficiary"].create(
            {"first_name": "Μαρία", "last_name": "Κωστή", "centre_id": cls.centre.id}
        )
        cls.centre.resource_calendar_id = weekly_hours(
            cls.env, "Ωράριο κέντρου", 8, 16, cls.municipality
        )
        cls.annex.resource_calendar_id = weekly_hours(
            cls.env, "Ωράριο παραρτήματος", 10, 14, cls.municipality
        )
        cls.centre.staff_ids = cls.user_reception | cls.user_professional | cls.user_head
        cls.annex.staff_ids = cls.user_annex_professional
        cls.counselling = cls.env.ref("kentro_community.kentro_service_type_counselling_adult")
        cls.counselling.staff_role_ids = cls.psychologist
        today = dates.greek_today()
        cls.monday = today + timedelta(days=7 - today.weekday() + 7)  # a Monday in 8-14 days
        # A week without public holidays: Kentro closes the structures on them.
        closed = public_holidays.national(range(today.year, today.year + 2))
        while any(cls.monday + timedelta(days=day) in closed for day in range(7)):
            cls.monday += timedelta(days=7)
        cls.tuesday = cls.monday + timedelta(days=1)
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "Αργία",
                "calendar_id": cls.centre.resource_calendar_id.id,
                "date_from": cls.at(cls.tuesday, 0),
                "date_to": cls.at(cls.tuesday, 23, 59),
            }
        )
        cls.papadopoulos.partner_id.email = "papadopoulos@example.com"

    @staticmethod
    def at(day, hour, minute=0):
        return athens(day, hour, minute)

    def book(self, start, minutes=45, user=None, person=None, professional=None, **values):
        Event = self.env["calendar.event"].with_user(user or self.user_reception)
        professional = professional or self.user_professional
        return Event.create(
            {
                "name": "Ραντεβού",
                "kentro_beneficiary_id": (person or self.papadopoulos).id,
                "kentro_service_type_id": self.counselling.id,
                "user_id": professional.id,
                "partner_ids": [Command.link(professional.partner_id.id)],
                "start": start,
                "stop": start + timedelta(minutes=minutes),
                **values,
            }
        )


class ThreeAxesCase(KentroRegistryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Beneficiary = cls.env["kentro.beneficiary"]
        cls.household = cls.env["kentro.household"].create(
            {"name": "Οικονόμου", "centre_id": cls.centre.id}
        )
        cls.mother = Beneficiary.create(
            {
                "first_name": "Αγγελική",
                "last_name": "Οικονόμου",
                "birthdate": date(1984, 5, 10),
                "centre_id": cls.centre.id,
                "household_id": cls.household.id,
                "household_relationship": "head",
            }
        )
        Beneficiary.create(
            [
                {
                    "first_name": first,
                    "last_name": "Οικονόμου",
                    "birthdate": birthdate,
                    "centre_id": cls.centre.id,
                    "household_id": cls.household.id,
                    "household_relationship": relationship,
                }
                for first, birthdate, relationship in (
                    ("Σπύρος", date(1981, 2, 3), "spouse"),
                    ("Ζωή", date(2014, 9, 1), "child"),
                    ("Ηλίας", date(2017, 1, 12), "child"),
                )
            ]
        )
        cls.gmi = cls.env.ref("kentro_community.kentro_programme_gmi")
        cls.dypa = cls.env.ref("kentro_community.res_partner_agency_dypa")
        cls.opeka = cls.env.ref("kentro_community.res_partner_agency_opeka")
        cls.application_support = cls.env.ref(
            "kentro_community.kentro_service_type_application_support"
        )
        cls.referral_service = cls.env.ref("kentro_community.kentro_service_type_referral")

    def _application(self, user=None):
        Application = self.env["kentro.application"].with_user(user or self.user_professional)
        return Application.create({"beneficiary_id": self.mother.id, "programme_id": self.gmi.id})

    def _referral(self, agency=None, user=None):
        Referral = self.env["kentro.referral"].with_user(user or self.user_professional)
        return Referral.create(
            {
                "beneficiary_id": self.mother.id,
                "agency_id": (agency or self.dypa).id,
                "reason": "Εγγραφή στη ΔΥΠΑ και κάρτα ανεργίας.",
            }
        )

    def _consent(self, **values):
        return self.env["kentro.consent"].create({"beneficiary_id": self.mother.id, **values})


def this_month(env):
    """Today, and the first and last days of this month, in the user's time."""
    today = fields.Date.context_today(env["kentro.service"])
    first = today.replace(day=1)
    return today, first, first + relativedelta(months=1, days=-1)


def new_report_wizard(env, user, centre, date_from, date_to, values):
    """The report wizard as ``user`` fills it in for ``centre`` and a period;
    ``values`` add to those, or replace them."""
    return (
        env["kentro.activity.report"]
        .with_user(user)
        .create({"centre_id": centre.id, "date_from": date_from, "date_to": date_to, **values})
    )


class ReportCase(ThreeAxesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today, cls.first, cls.last = this_month(cls.env)
        Service = cls.env["kentro.service"]
        info = cls.env.ref("kentro_community.kentro_service_type_information")
        counselling = cls.env.ref("kentro_community.kentro_service_type_counselling_adult")
        for person, service_type, day in (
            (cls.mother, info, cls.first),
            (cls.mother, counselling, cls.first),
            (cls.papadopoulos, info, cls.last),
            (cls.annex_person, info, cls.first),
            (cls.papadopoulos, info, cls.first - relativedelta(days=1)),  # last month
            (cls.second_centre_person, info, cls.first),  # another centre
        ):
            Service.create(
                {"beneficiary_id": person.id, "service_type_id": service_type.id, "date": day}
            )
        cls._consent_for(cls.mother, cls.dypa)
        referral = cls.env["kentro.referral"].create(
            {"beneficiary_id": cls.mother.id, "agency_id": cls.dypa.id}
        )
        referral.action_send()
        referral.action_accept()
        cls.env["kentro.application"].create(
            {"beneficiary_id": cls.mother.id, "programme_id": cls.gmi.id}
        )

    @classmethod
    def _consent_for(cls, person, agency):
        cls.env["kentro.consent"].create({"beneficiary_id": person.id, "agency_id": agency.id})

    def _wizard(self, user=None, **values):
        return new_report_wizard(
            self.env, user or self.user_head, self.centre, self.first, self.last, values
        )

    def _section(self, sections, index):
        return {row[0]: row[1:] for row in sections[index]["rows"]}


def pdf_text(pdf):
    """The text of a PDF, read back by poppler's pdftotext."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        return subprocess.run(
            ["pdftotext", "-layout", file.name, "-"], check=True, capture_output=True, text=True
        ).stdout


def printed_in_greek(wizard):
    """Print ``wizard``'s report in Greek, as its user would: the PDF kept on
    the structure's chatter."""
    env = wizard.env
    # sudo: test set-up, as the administrator would do it: Greek activated
    # and chosen for the printing user; nothing is read back.
    env["res.lang"].sudo()._activate_lang("el_GR")
    env.user.sudo().lang = "el_GR"  # sudo: see above
    wizard.with_context(force_report_rendering=True).action_print()
    return wizard.centre_id.message_ids[:1].attachment_ids.raw


def assert_pdf_reads(case, wizard, expected):
    """``wizard``'s report, printed in Greek, is a PDF whose text holds each
    of the ``expected`` strings."""
    pdf = printed_in_greek(wizard)
    case.assertTrue(pdf.startswith(b"%PDF"))
    text = pdf_text(pdf)
    for line in expected:
        case.assertIn(line, text)


def offered_reports(env, user):
    """{menu xmlid: action context} of the report menus the web client loads
    for ``user`` (the wizards of kentro.activity.report)."""
    menus = env["ir.ui.menu"].with_user(user).load_menus(False)
    offered = {}
    for menu in menus.values():
        action = menu.get("action") or ""
        if not action.startswith("ir.actions.act_window,"):
            continue
        window = env["ir.actions.act_window"].browse(int(action.split(",")[1]))
        if window.res_model == "kentro.activity.report":
            offered[menu["xmlid"]] = safe_eval(window.context or "{}", {"uid": user.id})
    return offered


def print_offered(env, user, context, output):
    """The wizard as the menu opens it (its defaults), printed."""
    wizard = (
        env["kentro.activity.report"]
        .with_user(user)
        .with_context(**context, lang="el_GR")
        .create({"output": output})
    )
    return wizard, wizard.action_print()


def assert_report_offered(case, menu, structure):
    """``menu`` is offered to the head and to the Social Service, and the
    wizard it opens covers ``structure`` and prints as PDF and XLSX."""
    for user in (case.user_head, case.user_supervisor):
        offered = offered_reports(case.env, user)
        case.assertIn(menu, offered, user.login)
        for output in ("pdf", "xlsx"):
            wizard, action = print_offered(case.env, user, offered[menu], output)
            case.assertIn(structure, wizard._structures())
            case.assertEqual(action["type"], "ir.actions.act_url")


def zip_report(content):
    """The report and the documents in a right-of-access ZIP; in test mode
    Odoo renders the report as HTML instead of a PDF."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = archive.namelist()
        report = next(name for name in names if name.endswith(".pdf") and "/" not in name)
        return archive.read(report).decode(), names


def _security_matrix(addon):
    """{(role, model): row} of ``addon``'s tests/security_matrix.csv."""
    with open(
        file_path(f"{addon}/tests/security_matrix.csv"), newline="", encoding="utf-8"
    ) as file:
        return {(row["role"], row["model"]): row for row in csv.DictReader(file)}


class SecurityMatrixCases:
    """Each addon's tests/security_matrix.csv says, for every role and every
    model the addon defines, whether the role may read, create, write, delete
    and export; each cell is asserted as a demo user of that role. Mix into a
    TransactionCase of the addon (``test_module`` names the csv's addon);
    tests/test_security_matrix.py checks that the README shows all of them."""

    # Odoo 18's loader only runs test methods a class defines itself, unless told.
    allow_inherited_tests_method = True
    OPERATIONS = ("read", "create", "write", "unlink", "export")
    DEMO_USERS = {
        "reception": "kentro_community.user_reception_demo",
        "professional": "kentro_community.user_professional_demo",
        "head": "kentro_community.user_head_demo",
        "manager": "kentro_community.user_manager_demo",
        "supervisor": "kentro_community.user_supervisor_demo",
        "internal": "kentro_community.user_employee_demo",
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.matrix = _security_matrix(cls.test_module)
        cls.users = {role: cls.env.ref(xmlid) for role, xmlid in cls.DEMO_USERS.items()}
        cls.users["portal"] = new_test_user(
            cls.env, login="kentro_portal", groups="base.group_portal"
        )

    def test_the_matrix_has_every_model_and_role(self):
        models = {
            model.model
            for model in self.env["ir.model"].search(
                [("model", "=like", "kentro.%"), ("transient", "=", False)]
            )
            if not self.env[model.model]._abstract
            and self.env[model.model]._original_module == self.test_module
        }
        self.assertTrue(models)
        expected = {(role, model) for role in self.users for model in models}
        self.assertEqual(set(self.matrix), expected)
        for row in self.matrix.values():
            self.assertTrue(all(row[op] in ("allow", "deny") for op in self.OPERATIONS), row)

    def _access_outcome(self, user, model, operation):
        Model = self.env[model].with_user(user)
        try:
            with self.env.cr.savepoint():
                if operation == "read":
                    Model.search_read([], ["id"], limit=1)
                elif operation == "export":
                    Model.search([], limit=1).export_data(["id"])
                else:
                    Model.check_access(operation)
        except (AccessError, UserError):
            return "deny"
        return "allow"

    def _check_role(self, role):
        user = self.users[role]
        for (row_role, model), row in sorted(self.matrix.items()):
            if row_role != role:
                continue
            for operation in self.OPERATIONS:
                with self.subTest(role=role, model=model, operation=operation):
                    self.assertEqual(self._access_outcome(user, model, operation), row[operation])

    def test_reception(self):
        self._check_role("reception")

    def test_professional(self):
        self._check_role("professional")

    def test_head(self):
        self._check_role("head")

    def test_manager(self):
        self._check_role("manager")

    def test_supervisor(self):
        self._check_role("supervisor")

    def test_internal_user_without_centre_group(self):
        self._check_role("internal")

    def test_portal(self):
        self._check_role("portal")


class GreekTranslationCases:
    """Every term Odoo exports for the addon (``test_module``) has its Greek
    translation in the addon's i18n/el.po. Mix into a TransactionCase."""

    # Odoo 18's loader only runs test methods a class defines itself, unless told.
    allow_inherited_tests_method = True

    def test_every_exported_term_is_translated(self):
        addon = self.test_module
        po = polib.pofile(file_path(f"{addon}/i18n/el.po"))
        greek = {entry.msgid: entry.msgstr for entry in po if entry.msgstr}
        exported = {term[4] for term in TranslationModuleReader(self.cr, modules=[addon])}
        self.assertTrue(exported, f"Odoo exported no term for {addon}")
        missing = sorted(exported - set(greek))
        self.assertFalse(missing, f"{addon}/i18n/el.po lacks Greek for: {missing}")
