from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import KentroRegistryCase, new_company_user, new_group_activity, zip_report

# Where a person's data may be linked from: the file, and the household the
# file belongs to.
PERSON_MODELS = ("kentro.beneficiary", "kentro.household")


def linking_models(env):
    """{model: fields} of every stored model with a relational field to a file
    or a household, read from the registry. Transient wizards (their rows are
    the user's own input, vacuumed within hours) and SQL views (``_auto =
    False``: they hold no data, they read the declared tables) are left out."""
    found = {}
    for name, model in env.registry.items():
        if model._abstract or model._transient or not model._auto:
            continue
        for field in model._fields.values():
            if field.type not in ("many2one", "many2many", "one2many"):
                continue
            if field.comodel_name not in PERSON_MODELS or not field.store:
                continue
            if (
                field.type == "one2many"
                and not env[field.comodel_name]._fields[field.inverse_name].store
            ):
                continue
            found.setdefault(name, []).append(field.name)
    return found


class PersonalDataCase(KentroRegistryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("el_GR")
        person = cls.papadopoulos
        person.partner_id.lang = "el_GR"
        cls.service = cls.env["kentro.service"].create(
            {
                "beneficiary_id": person.id,
                "service_type_id": cls.env.ref(
                    "kentro_community.kentro_service_type_home_visit"
                ).id,
                "notes": "Επίσκεψη στο σπίτι της οδού Ερμού",
            }
        )
        # A psychologist writes a note at each level; the head is a social worker.
        Note = cls.env["kentro.case.note"].with_user(cls.user_professional)
        cls.notes = {
            level: Note.create(
                {"beneficiary_id": person.id, "level": level, "body": f"<p>Σημείωμα-{level}</p>"}
            )
            for level in ("team", "discipline", "private")
        }
        cls.document = cls.env["ir.attachment"].create(
            {
                "name": "εκκαθαριστικό.pdf",
                "raw": "%PDF-1.4 εκκαθαριστικό".encode(),
                "res_model": person._name,
                "res_id": person.id,
            }
        )
        cls.env["ir.attachment"].create(
            {
                "name": "άλλου.pdf",
                "raw": b"%PDF-1.4",
                "res_model": person._name,
                "res_id": cls.annex_person.id,
            }
        )
        cls.portal = new_company_user(
            cls.env, "kentro_portal", "base.group_portal", cls.municipality
        )


@tagged("kentro", "kentro_privacy", "kentro_personal_data")
class TestPersonalDataDeclaration(PersonalDataCase):
    def test_every_model_linking_to_a_person_is_declared(self):
        declared = self.env["kentro.beneficiary"]._kentro_personal_data()
        missing = sorted(set(linking_models(self.env)) - set(declared))
        self.assertFalse(
            missing,
            "These models link to a file or a household but declare no personal data "
            f"(add them in _kentro_personal_data of their addon): {missing}",
        )

    def test_each_declaration_names_real_fields(self):
        for model, spec in self.env["kentro.beneficiary"]._kentro_personal_data().items():
            self.assertIn(model, self.env, model)
            self.assertIn(spec["erase"], ("delete", "blank", "keep"), model)
            Model = self.env[model]
            for path in spec["link"]:
                self.assertIn(path.split(".")[0], Model._fields, f"{model}: link {path}")
            for name in [*spec["export"], *spec.get("blank", ())]:
                self.assertIn(name, Model._fields, f"{model}: {name}")
            if spec["erase"] == "blank":
                self.assertTrue(spec["blank"], f"{model}: blank what?")


@tagged("kentro", "kentro_privacy", "kentro_personal_data")
class TestRightOfAccess(PersonalDataCase):
    def export(self, user, person=None):
        person = (person or self.papadopoulos).with_user(user)
        return person._subject_access_zip()

    def test_only_a_head_exports_and_is_told_so_in_greek(self):
        for user in (self.user_reception, self.user_professional):
            person = self.papadopoulos.with_user(user).with_context(lang="el_GR")
            with self.assertRaises(AccessError) as caught:
                person.action_subject_access()
            self.assertIn("υπεύθυνος", str(caught.exception))
            with self.assertRaises(AccessError):
                person._subject_access_zip()
        with self.assertRaises(AccessError):
            self.export(self.user_manager_other)
        self.assertFalse(
            self.env["kentro.audit.log"].search(
                [("beneficiary_id", "=", self.papadopoulos.id), ("action", "=", "export")]
            ),
            "a refused export leaves no trace of an export",
        )

    def test_the_export_holds_the_whole_file_and_its_documents(self):
        name, content = self.export(self.user_head)
        self.assertTrue(name.endswith(".zip"))
        text, names = zip_report(content)
        for expected in (
            "15038012348",  # AMKA
            "2271044556",  # phone, on the contact
            "Οφειλές ενοικίου",  # social history
            "Επίσκεψη στο σπίτι της οδού Ερμού",  # a service's notes
            "Σημείωμα-team",
            "Σημείωμα-private",  # the head reads private notes: they are in
        ):
            self.assertIn(expected, text)
        self.assertTrue(any(name.endswith("εκκαθαριστικό.pdf") for name in names))
        self.assertFalse(any("άλλου" in name for name in names), "nobody else's documents")

    def test_a_note_of_another_discipline_is_withheld_and_counted(self):
        # The head (a social worker) may not read the psychologist's
        # discipline note: the export does not put it in the head's hands,
        # and says that one note is held back.
        text, _names = zip_report(self.export(self.user_head)[1])
        self.assertNotIn("Σημείωμα-discipline", text)
        self.assertIn("Τηρούνται ακόμη 1 εγγραφές", text)

    def test_the_export_is_audited(self):
        self.export(self.user_head)
        log = self.env["kentro.audit.log"].search(
            [("beneficiary_id", "=", self.papadopoulos.id), ("action", "=", "export")]
        )
        self.assertEqual(log.user_id, self.user_head)

    def test_the_archive_is_kept_nowhere_and_has_no_token(self):
        Attachment = self.env["ir.attachment"]
        before = Attachment.search_count([])
        action = self.papadopoulos.with_user(self.user_head).action_subject_access()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertNotIn("access_token", action["url"])
        self.assertNotIn("/web/content", action["url"])
        self.export(self.user_head)
        self.assertEqual(Attachment.search_count([]), before, "no copy of the file left behind")
        self.assertFalse(Attachment.search([("mimetype", "=", "application/zip")]))


@tagged("kentro", "kentro_privacy", "kentro_personal_data")
class TestErasure(PersonalDataCase):
    def test_erasure_goes_through_every_declared_model(self):
        person = self.papadopoulos
        household = self.env["kentro.household"].create(
            {"name": "Οικογένεια", "centre_id": self.centre.id, "annual_income": 9000}
        )
        person.write({"household_id": household.id, "household_relationship": "head"})
        event = self.env["calendar.event"].create(
            {
                "name": "x",
                "kentro_beneficiary_id": person.id,
                "start": "2030-01-07 08:00:00",
                "stop": "2030-01-07 08:45:00",
                "description": "<p>Θα φέρει το εκκαθαριστικό</p>",
            }
        )
        seeker = self.env["kentro.job.seeker"].create(
            {"beneficiary_id": person.id, "notes": "Οδηγός φορτηγού", "cv": b"JVBERi0x"}
        )
        activity = new_group_activity(
            self.env, "Ομάδα γονέων", self.centre, "kentro_community.kentro_service_type_home_visit"
        )
        session = self.env["kentro.group.session"].create(
            {"activity_id": activity.id, "attendee_ids": [(6, 0, person.ids)]}
        )
        shared = self.env["ir.attachment"].create(
            {
                "name": "παρουσίες.pdf",
                "raw": b"%PDF",
                "res_model": session._name,
                "res_id": session.id,
            }
        )
        People = self.env["kentro.beneficiary"]
        declared = People._kentro_personal_data()
        before = person._kentro_personal_records(declared)
        self.assertTrue(all(before[model] for model in ("calendar.event", "kentro.case.note")))

        person.with_user(self.user_head).action_anonymise()
        self.env.flush_all()
        after = person._kentro_personal_records(declared)
        for model, spec in declared.items():
            if spec["erase"] == "delete":
                self.assertFalse(after[model], model)
            elif spec["erase"] == "blank":
                for record in after[model]:
                    for name in spec["blank"]:
                        # Texts keep a dash where required; links are emptied.
                        value = record[name]
                        self.assertTrue(not value or value == "—", f"{model}.{name}")
            else:
                self.assertEqual(after[model], before[model], f"{model} is kept")
        self.assertFalse(event.description)
        self.assertFalse(seeker.cv or seeker.notes)
        self.assertFalse(self.document.exists(), "the file's documents go")
        self.assertTrue(shared.exists(), "a shared record's documents stay")
        self.assertIn(person, session.attendee_ids)
        self.assertEqual(household.annual_income, 9000, "the household is the others' too")
        self.assertNotIn("Παπαδόπουλος", household.name)


@tagged("post_install", "-at_install", "kentro", "kentro_privacy", "kentro_personal_data")
class TestRightOfAccessOverHttp(HttpCase, PersonalDataCase):
    def url(self):
        return self.papadopoulos.with_user(self.user_head).action_subject_access()["url"]

    @mute_logger("odoo.http")
    def test_no_archive_without_a_session_or_for_reception(self):
        url = self.url()
        self.authenticate(None, None)
        response = self.url_open(url, allow_redirects=False)
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(b"PK", response.content[:2])
        for user in (self.user_reception, self.user_professional, self.portal):
            self.authenticate(user.login, user.login)
            response = self.url_open(url, allow_redirects=False)
            self.assertNotEqual(response.status_code, 200, user.login)
            self.assertNotIn("Οφειλές", response.text)
        self.authenticate(self.user_head.login, self.user_head.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/zip")
        text, _names = zip_report(response.content)
        self.assertIn("15038012348", text)


@tagged("post_install", "-at_install", "kentro", "kentro_privacy", "kentro_personal_data")
class TestReportRoutes(HttpCase, PersonalDataCase):
    """Every QWeb report of the core, reached by URL as each role that may not
    print it: nothing of the record comes back."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        person = cls.papadopoulos
        cls.consent = cls.env["kentro.consent"].create(
            {"beneficiary_id": person.id, "purpose": "processing"}
        )
        agency = cls.env["res.partner"].create({"name": "ΚΕΠ Δοκιμής", "is_company": True})
        cls.referral = cls.env["kentro.referral"].create(
            {"beneficiary_id": person.id, "agency_id": agency.id, "reason": "Στέγαση"}
        )
        cls.event = cls.env["calendar.event"].create(
            {
                "name": "x",
                "kentro_beneficiary_id": person.id,
                "start": "2030-01-07 08:00:00",
                "stop": "2030-01-07 08:45:00",
                "user_id": cls.user_professional.id,
            }
        )
        cls.activity_report = (
            cls.env["kentro.activity.report"]
            .with_user(cls.user_head)
            .create({"centre_id": cls.centre.id, "report_type": "esf"})
        )
        operation = cls.env["kentro.esf.operation"].create(
            {
                "name": "Πράξη",
                "code": "5000123",
                "date_start": "2026-01-01",
                "date_end": "2027-12-31",
                "company_id": cls.municipality.id,
                "centre_ids": [(6, 0, cls.centre.ids)],
            }
        )
        cls.esf_report = (
            cls.env["kentro.esf.report"]
            .with_user(cls.user_head)
            .create(
                {
                    "operation_id": operation.id,
                    "date_from": "2026-01-01",
                    "date_to": "2026-12-31",
                }
            )
        )
        Entry = cls.env["kentro.protocol.entry"]
        cls.social_report = Entry._kentro_register(
            "social_report", "Κοινωνική έκθεση", beneficiary=person, document=person
        )
        cls.certificate = Entry._kentro_register(
            "certificate", "Βεβαίωση", beneficiary=person, document=person
        )
        cls.documents = {
            "kentro_community.kentro_social_report": cls.social_report,
            "kentro_community.kentro_certificate": cls.certificate,
            "kentro_community.kentro_beneficiary_sheet": person,
            "kentro_community.kentro_subject_access": person,
            "kentro_community.kentro_consent_form": cls.consent,
            "kentro_community.kentro_referral_report": cls.referral,
            "kentro_community.kentro_appointment_card": cls.event,
            "kentro_community.kentro_activity_report": cls.activity_report,
            "kentro_community.kentro_esf_indicators": cls.esf_report,
        }
        cls.user_reception_other = new_company_user(
            cls.env,
            "kentro_reception_other",
            "kentro_community.group_kentro_reception",
            cls.other_municipality,
        )
        cls.user_reception_other.kentro_centre_ids = cls.other_centre
        cls.user_head_other = new_company_user(
            cls.env,
            "kentro_head_other",
            "kentro_community.group_kentro_head",
            cls.other_municipality,
        )
        cls.user_head_other.kentro_centre_ids = cls.other_centre

    def assert_refused(self, user, reports):
        self.authenticate(user.login, user.login)
        for report_name in reports:
            record = self.documents[report_name]
            for converter in ("html", "pdf"):
                url = f"/report/{converter}/{report_name}/{record.id}"
                response = self.url_open(url, allow_redirects=False)
                self.assertNotEqual(response.status_code, 200, f"{user.login}: {url}")
                for secret in ("Παπαδόπουλος", "15038012348", "Δήμος Δοκιμής"):
                    self.assertNotIn(secret, response.text, f"{user.login}: {url}")

    def test_every_core_report_is_covered_here(self):
        reports = self.env["ir.actions.report"].search(
            [("report_name", "=like", "kentro_community.%")]
        )
        self.assertEqual(set(reports.mapped("report_name")), set(self.documents))

    @mute_logger("odoo.http")
    def test_outsiders_print_nothing(self):
        for user in (
            self.user_employee,
            self.portal,
            self.user_reception_other,
            self.user_head_other,
            self.user_manager_other,
        ):
            self.assert_refused(user, self.documents)

    @mute_logger("odoo.http")
    def test_reception_prints_only_what_reception_is_for(self):
        self.assert_refused(
            self.user_reception,
            [
                "kentro_community.kentro_beneficiary_sheet",
                "kentro_community.kentro_subject_access",
                "kentro_community.kentro_referral_report",
                "kentro_community.kentro_activity_report",
                "kentro_community.kentro_social_report",
                "kentro_community.kentro_certificate",
                "kentro_community.kentro_esf_indicators",
            ],
        )

    @mute_logger("odoo.http")
    def test_only_a_head_prints_the_right_of_access_report(self):
        self.assert_refused(self.user_professional, ["kentro_community.kentro_subject_access"])
        self.assert_refused(self.user_annex_professional, self.documents)

    @mute_logger("odoo.http")
    def test_an_appointment_seen_as_busy_time_prints_no_card(self):
        # An administrator of the municipality working at no structure reads
        # the appointment as busy time only: its card would name the person.
        manager = new_company_user(
            self.env,
            "kentro_manager_nowhere",
            "kentro_community.group_kentro_manager",
            self.municipality,
        )
        self.assertTrue(self.event.with_user(manager).has_access("read"))
        self.assert_refused(manager, ["kentro_community.kentro_appointment_card"])

    def test_the_staff_print_what_they_may_read(self):
        allowed = {
            self.user_reception: [
                "kentro_community.kentro_consent_form",
                "kentro_community.kentro_appointment_card",
            ],
            self.user_professional: [
                "kentro_community.kentro_social_report",
                "kentro_community.kentro_certificate",
                "kentro_community.kentro_beneficiary_sheet",
                "kentro_community.kentro_referral_report",
            ],
            self.user_head: list(self.documents),
        }
        for user, reports in allowed.items():
            self.authenticate(user.login, user.login)
            for report_name in reports:
                record = self.documents[report_name]
                response = self.url_open(f"/report/html/{report_name}/{record.id}")
                self.assertEqual(response.status_code, 200, f"{user.login}: {report_name}")
