from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import SQL

from .common import KentroRegistryCase

# What only professionals may read: absent from the arch other roles receive.
SPECIAL_CATEGORY_FIELDS = (
    "case_note_ids",
    "presenting_request",
    "social_history",
    "assessed_needs",
    "vulnerability_ids",
    "disability",
    "disability_percentage",
    "esf_sensitive_refused",
)


@tagged("post_install", "-at_install", "kentro")
class TestBeneficiaryFile(KentroRegistryCase):
    """The file: its layout in tabs, the consent's name, the referral letter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("el_GR")
        cls.dypa = cls.env.ref("kentro_community.res_partner_agency_dypa")

    def _form_arch(self, user, lang="en_US"):
        views = (
            self.env["kentro.beneficiary"]
            .with_user(user)
            .with_context(lang=lang)
            .get_views([(False, "form")])
        )
        return etree.fromstring(views["views"]["form"]["arch"])

    def _sent_referral(self):
        """A referral of Papadopoulos to ΔΥΠΑ, sent by the professional."""
        referral = (
            self.env["kentro.referral"]
            .with_user(self.user_professional)
            .create({"beneficiary_id": self.papadopoulos.id, "agency_id": self.dypa.id})
        )
        referral.action_send()
        return referral

    def _consent(self, **values):
        return self.env["kentro.consent"].create(
            {"beneficiary_id": self.papadopoulos.id, "date": date(2026, 3, 2), **values}
        )

    # ------------------------------------------------------------------ layout
    def test_form_is_a_notebook_with_the_notes_before_the_history(self):
        arch = self._form_arch(self.user_professional)
        pages = [page.get("name") for page in arch.xpath("//notebook/page")]
        self.assertIn("case_notes", pages)
        self.assertIn("social_history_page", pages)
        self.assertEqual(pages[0], "case_notes", "the case notes are the file's first tab")
        self.assertLess(pages.index("case_notes"), pages.index("social_history_page"))
        for page in ("services", "applications", "referrals", "consents_page", "household_page"):
            self.assertIn(page, pages)
        # The notes' list is laid out without measuring (kentro_notes_field.js).
        (notes,) = arch.xpath("//page[@name='case_notes']/field[@name='case_note_ids']")
        self.assertEqual(notes.get("widget"), "kentro_notes_one2many")
        # So is the state's bar on a computer's screen (kentro_statusbar_field.js),
        # with Odoo's look.
        (state,) = arch.xpath("//header/field[@name='state']")
        self.assertEqual(state.get("widget"), "kentro_statusbar")
        self.assertIn("o_field_statusbar", state.get("class"))
        # Nothing the file kept is lost in the move: every field is still on the
        # form, and the timeline in its tab.
        for fname in (*SPECIAL_CATEGORY_FIELDS, "consent_ids", "household_id"):
            self.assertTrue(arch.xpath(f"//field[@name='{fname}']"), fname)
        self.assertTrue(
            arch.xpath("//page[@name='timeline']/widget[@res_model='kentro.beneficiary.timeline']")
        )

    def test_reception_receives_no_special_category_data_in_the_form(self):
        arch = self._form_arch(self.user_reception)
        self.assertTrue(arch.xpath("//notebook/page[@name='consents_page']"))
        for page in ("case_notes", "social_history_page"):
            self.assertFalse(arch.xpath(f"//page[@name='{page}']"), page)
        for fname in SPECIAL_CATEGORY_FIELDS:
            self.assertFalse(arch.xpath(f"//field[@name='{fname}']"), fname)
        self.assertFalse(arch.xpath("//button[@name='action_subject_access']"))

    def test_note_dialog_and_timeline_button_read_in_greek(self):
        arch = self._form_arch(self.user_professional, lang="el_GR")
        action = self.env.ref("kentro_community.kentro_case_note_action_new")
        (button,) = arch.xpath(f"//page[@name='case_notes']//button[@name='{action.id}']")
        self.assertEqual(button.get("string"), "Νέο σημείωμα περίπτωσης")
        self.assertEqual(action.with_context(lang="el_GR").name, "Νέο σημείωμα περίπτωσης")
        timeline = (
            self.env["kentro.beneficiary.timeline"]
            .with_user(self.user_professional)
            .with_context(lang="el_GR", list_view_ref=self._tab_lists(arch)["timeline"][1])
            .get_views([(False, "list")])
        )
        (open_button,) = etree.fromstring(timeline["views"]["list"]["arch"]).xpath(
            "//button[@name='action_open']"
        )
        self.assertEqual(open_button.get("string"), "Άνοιγμα εγγραφής")

    def _tab_lists(self, arch):
        """{page: (model, list view)} of the tabs whose lines are read when
        they are opened."""
        return {
            widget.getparent().get("name"): (widget.get("res_model"), widget.get("list_view"))
            for widget in arch.xpath("//page/widget[@name='kentro_tab_list']")
        }

    @freeze_time("2026-03-10 09:00:00")
    def test_the_form_reads_the_lines_of_a_tab_when_the_tab_is_opened(self):
        """The form opens without reading the lines of its read-only lists
        (services, applications, referrals, support plans, timeline): each tab
        lists them in Odoo's list view when it is opened, under the same
        record rules; the smart buttons count them without reading them."""
        consent = self._consent(agency_id=self.dypa.id)
        service_type = self.env["kentro.service.type"].search([], limit=1)
        self.env["kentro.service"].create(
            [
                {"beneficiary_id": self.papadopoulos.id, "service_type_id": service_type.id},
                {"beneficiary_id": self.annex_person.id, "service_type_id": service_type.id},
            ]
        )
        referral = self._sent_referral()
        self.assertEqual(referral.consent_id, consent)
        for user, pages in (
            (
                self.user_professional,
                {"support_plan", "services", "applications", "referrals", "timeline"},
            ),
            (self.user_reception, {"services", "applications", "referrals", "timeline"}),
        ):
            views = self.env["kentro.beneficiary"].with_user(user).get_views([(False, "form")])
            arch = etree.fromstring(views["views"]["form"]["arch"])
            tabs = self._tab_lists(arch)
            self.assertEqual(set(tabs), pages, user.login)
            fields = views["models"]["kentro.beneficiary"]["fields"]
            for name in ("service_ids", "application_ids", "referral_ids", "timeline_ids"):
                self.assertNotIn(name, fields, f"{name} read on opening, as {user.login}")
            person = self.papadopoulos.with_user(user)
            one2many = {
                "support_plan": "support_plan_ids",
                "services": "service_ids",
                "applications": "application_ids",
                "referrals": "referral_ids",
                "timeline": "timeline_ids",
            }
            listed = {}
            for page, (model, view) in tabs.items():
                Lines = self.env[model].with_user(user).with_context(list_view_ref=view)
                shown = Lines.get_views([(False, "list")])["views"]["list"]
                self.assertEqual(shown["id"], self.env.ref(view).id, page)
                # What the tab lists: the lines the file's one2many gives the
                # user (another person's service is not among them).
                rows = Lines.web_search_read(
                    [("beneficiary_id", "=", person.id)], {"display_name": {}}, limit=20
                )["records"]
                listed[page] = {row["id"] for row in rows}
                self.assertEqual(listed[page], set(person[one2many[page]].ids), page)
            self.assertTrue(listed["services"] and listed["timeline"], user.login)
            self.assertEqual(len(listed["referrals"]), 1, user.login)
            self.assertEqual(person.service_count, len(listed["services"]), user.login)
            self.assertEqual(person.referral_count, 1, user.login)
            self.assertEqual(person.application_count, len(listed["applications"]), user.login)

    def test_the_form_reads_its_timeline_lines_by_index(self):
        """A file's timeline lines are read by their computed ids (a line
        opened, a page of the tab's list read again): each branch of the view
        must answer that from an index of its own table, not by reading every
        service and appointment of the database."""
        self._consent(agency_id=self.dypa.id)
        self.env["kentro.service"].create(
            {
                "beneficiary_id": self.papadopoulos.id,
                "service_type_id": self.env["kentro.service.type"].search([], limit=1).id,
                "date": date(2026, 3, 3),
            }
        )
        Timeline = self.env["kentro.beneficiary.timeline"]
        lines = Timeline.search([("beneficiary_id", "=", self.papadopoulos.id)])
        self.assertGreaterEqual(len(lines), 2)
        branches = Timeline._timeline_branches()
        # On so small a database the planner may as well walk another index
        # of the services (the list's): without it, only the timeline's index
        # can answer the id, or nothing but reading the whole table. At
        # 100,000 people it takes the timeline's index by itself.
        with self.env.cr.savepoint(flush=False) as savepoint:
            self.env.cr.execute("DROP INDEX kentro_service_kentro_order")
            self.env.cr.execute("SET LOCAL enable_seqscan = off")
            self.env.cr.execute(
                "EXPLAIN SELECT id, date, kind FROM kentro_beneficiary_timeline WHERE id = ANY(%s)",
                [lines.ids],
            )
            plan = "\n".join(row[0] for row in self.env.cr.fetchall())
            savepoint.close(rollback=True)  # the index is back
        self.assertNotIn("Seq Scan", plan)
        # An index scan or a bitmap one, on the timeline's own index.
        self.assertIn(
            "Index Scan on kentro_timeline_0_kentro_service", plan.replace(" using ", " on ")
        )
        # One index per branch, on the expression the view computes (on so
        # small a database, the planner may prefer another index of the
        # appointments; at 100,000 people it takes this one).
        for number, (model, _query) in enumerate(branches):
            table = self.env[model]._table
            self.env.cr.execute(
                "SELECT indexdef FROM pg_indexes WHERE tablename = %s AND indexname = %s",
                [table, f"kentro_timeline_{number}_{table}"[:63]],
            )
            [(definition,)] = self.env.cr.fetchall()
            self.assertIn(f"((id * 64) + {number})", definition, model)
        # And the lines read are the file's.
        self.assertEqual(Timeline.browse(lines.ids).mapped("beneficiary_id"), self.papadopoulos)

    def test_the_lists_read_their_first_page_from_an_index_in_their_order(self):
        """The big lists (services, referrals, the access log…) are
        sorted: their first page comes from an index in that order, not from
        sorting every row of the municipality."""
        models = [
            name
            for name, model in self.env.registry.items()
            if getattr(model, "_kentro_order_index", False) and not model._abstract
        ]
        for name in ("kentro.beneficiary", "kentro.service", "kentro.referral", "kentro.audit.log"):
            self.assertIn(name, models)
        for name in models:
            Model = self.env[name]
            query = Model._search([], limit=80, order=Model._order)
            plan = self._plan(query.select(), avoid=("seqscan", "sort"))
            self.assertIn(f"{Model._table}_kentro_order", plan, name)

    def _plan(self, query, avoid=("sort",)):
        """PostgreSQL's plan of ``query`` (an SQL object or a text), made
        while it is told to avoid the plan nodes ``avoid`` wherever it can."""
        for node in avoid:
            self.env.cr.execute(f"SET LOCAL enable_{node} = off")
        # A text is a logged query, its values written in: run as it is.
        self.env.cr.execute(
            SQL("EXPLAIN %s", query) if isinstance(query, SQL) else f"EXPLAIN {query}"
        )
        plan = "\n".join(row[0] for row in self.env.cr.fetchall())
        for node in avoid:
            self.env.cr.execute(f"SET LOCAL enable_{node} = on")
        return plan

    def _plan_of_the_search(self, search):
        """The plan of the query ``search()`` reads its records with, as
        PostgreSQL makes it when told to avoid sorting wherever an index in
        the same order can give the rows."""
        with self.env.cr._enable_logging(), self.assertLogs("odoo.sql_db", "DEBUG") as logs:
            found = search()
        (query,) = [
            line.split("query: ", 1)[1]
            for line in logs.output
            if "query: " in line and 'FROM "kentro_beneficiary"' in line and " LIMIT " in line
        ]
        return found, self._plan(query)

    def test_a_search_by_name_sorts_its_matches_the_list_walks_its_index(self):
        """The list of files comes from the index in the files' order; a
        search by name must not walk it (every name under Α..Ο read before the
        Παπαδόπουλος): its matches, from the trigram indexes, are sorted, in
        the same order."""
        Beneficiary = self.env["kentro.beneficiary"].with_user(self.user_professional)
        created = self.env["kentro.beneficiary"].create(
            [
                {"first_name": first, "last_name": "Παπαδοπούλου", "centre_id": self.centre.id}
                for first in ("Ελένη", "Άννα", "Ζωή")
            ]
        )
        self.env.flush_all()
        _everyone, plan = self._plan_of_the_search(lambda: Beneficiary.search([], limit=80))
        self.assertIn("kentro_beneficiary_kentro_order", plan)
        for order, search in (
            (None, lambda: Beneficiary.search([("display_name", "ilike", "παπαδοπ")], limit=80)),
            (None, lambda: Beneficiary.name_search("papadop", limit=40)),
            (
                "last_name desc, first_name desc, id",
                lambda: Beneficiary.web_search_read(
                    [("display_name", "ilike", "Παπαδόπ")],
                    {"name": {}},
                    limit=80,
                    order="last_name desc, first_name desc, id",
                ),
            ),
        ):
            found, plan = self._plan_of_the_search(search)
            self.assertNotIn("kentro_beneficiary_kentro_order", plan)
            self.assertIn("Sort", plan)
            if isinstance(found, dict):  # web_search_read
                ids = [row["id"] for row in found["records"]]
            elif isinstance(found, list):  # name_search
                ids = [row[0] for row in found]
            else:
                ids = found.ids
            self.assertLessEqual(set((created | self.papadopoulos).ids), set(ids), order)
            # In the order asked for, as the plain query gives it.
            self.assertEqual(ids, Beneficiary.search([("id", "in", ids)], order=order).ids)
        # The order is the same one, written otherwise.
        self.assertEqual(
            Beneficiary._kentro_matches_order("last_name, first_name desc, id"),
            "last_name asc nulls first, first_name desc nulls last, id",
        )

    def test_new_case_note_opens_as_the_professional_own_note_of_the_file(self):
        action = self.env.ref("kentro_community.kentro_case_note_action_new")
        self.assertEqual(action.target, "new")
        note = (
            self.env["kentro.case.note"]
            .with_user(self.user_professional)
            .with_context(default_beneficiary_id=self.papadopoulos.id)
            .create({"body": "<p>Πρώτη συνάντηση.</p>"})
        )
        self.assertEqual(note.beneficiary_id, self.papadopoulos)
        self.assertEqual(note.author_id, self.user_professional)
        self.assertEqual(note.centre_id, self.centre)

    # ----------------------------------------------------------------- consent
    def test_consent_is_named_by_what_it_covers_and_since_when(self):
        consent = self._consent(agency_id=self.dypa.id)
        self.assertTrue(
            consent.with_context(lang="en_US").display_name.startswith(
                f"Consent: {self.dypa.name}, from "
            )
        )
        greek = consent.with_context(lang="el_GR")
        self.assertEqual(greek.display_name, f"Συναίνεση: {self.dypa.name}, από 02/03/2026")
        category = self.dypa.kentro_agency_category_id
        by_category = self._consent(agency_category_id=category.id)
        self.assertIn(category.name, by_category.display_name)
        photos = self._consent(purpose="photos", state="withdrawn")
        self.assertEqual(
            photos.with_context(lang="el_GR").display_name,
            "Συναίνεση: Φωτογραφίες σε εκδηλώσεις, από 02/03/2026 (Ανακλήθηκε)",
        )

    @freeze_time("2026-03-10 09:00:00")
    def test_sent_referral_shows_its_consent_by_name_to_reception(self):
        consent = self._consent(agency_id=self.dypa.id)
        referral = self._sent_referral()
        self.assertEqual(referral.consent_id, consent)
        (row,) = (
            referral.with_user(self.user_reception)
            .with_context(lang="el_GR")
            .web_read({"consent_id": {"fields": {"display_name": {}}}})
        )
        name = row["consent_id"]["display_name"]
        self.assertEqual(name, f"Συναίνεση: {self.dypa.name}, από 02/03/2026")
        self.assertNotIn("kentro.consent", name)
        # A consent's name never names the person it belongs to.
        self.assertNotIn(self.papadopoulos.last_name, name)

    # ---------------------------------------------------------- referral letter
    @freeze_time("2026-03-10 09:00:00")
    def test_sent_referral_prints_its_letter_from_a_button(self):
        self._consent(agency_id=self.dypa.id)
        referral = (
            self.env["kentro.referral"]
            .with_user(self.user_professional)
            .create({"beneficiary_id": self.papadopoulos.id, "agency_id": self.dypa.id})
        )
        views = referral.get_views([(False, "form")])
        arch = etree.fromstring(views["views"]["form"]["arch"])
        (button,) = arch.xpath("//header/button[@name='action_print_letter']")
        self.assertEqual(button.get("invisible"), "state == 'draft'")
        with self.assertRaises(UserError):
            referral.action_print_letter()
        referral.action_send()
        action = referral.action_print_letter()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_name"], "kentro_community.kentro_referral_report")
        self.assertEqual(action["context"]["active_ids"], referral.ids)

    def test_reception_has_no_referral_letter_button(self):
        arch = etree.fromstring(
            self.env["kentro.referral"]
            .with_user(self.user_reception)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertFalse(arch.xpath("//button[@name='action_print_letter']"))
