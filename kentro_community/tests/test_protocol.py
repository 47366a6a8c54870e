"""The protocol register (Αρ. Πρωτ.): numbers per municipality, direction and
year from Odoo sequences; a printed document is numbered once; entries are
fixed once registered; a professional reads only the entries of the files
they may read."""

import re
from contextlib import contextmanager
from datetime import date

import psycopg2.errors
from freezegun import freeze_time

import odoo
from odoo.exceptions import AccessError, UserError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, Form, get_db_name, tagged
from odoo.tools import mute_logger

from ..tools import dates
from .common import ThreeAxesCase, new_staff_user

REFERRAL_LETTER = "kentro_community.kentro_referral_report_action"


def protocol_line(html):
    """The printed «Αρ. Πρωτ.» line of a document, as plain text."""
    found = re.search(r'o_kentro_protocol_number">(.*?)</div>', html, re.DOTALL)
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split()) if found else ""


class ProtocolCase(ThreeAxesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._consent_for(cls.mother, cls.dypa)
        cls._consent_for(cls.mother, cls.opeka)

    @classmethod
    def _consent_for(cls, person, agency):
        # Given long before the frozen days the tests print on.
        cls.env["kentro.consent"].create(
            {"beneficiary_id": person.id, "agency_id": agency.id, "date": date(2020, 1, 1)}
        )

    def _sent_referral(self, agency=None):
        referral = self._referral(agency=agency)
        referral.action_send()
        return referral

    def _print_letter(self, referral, user=None):
        Report = self.env["ir.actions.report"].with_user(user or self.user_professional)
        html, _kind = Report._render_qweb_html(REFERRAL_LETTER, referral.ids)
        return protocol_line(html.decode())

    def _incoming(self, user=None, **values):
        Entry = self.env["kentro.protocol.entry"].with_user(user or self.user_professional)
        return Entry.create(
            {
                "direction": "incoming",
                "document_kind": "incoming_request",
                "subject": "Αίτημα κοινωνικής έκθεσης",
                **values,
            }
        )


@tagged("post_install", "-at_install", "kentro", "kentro_protocol")
class TestProtocolNumbering(ProtocolCase):
    @freeze_time("2026-03-10 09:00:00")
    def test_the_letter_takes_its_number_when_first_printed(self):
        referral = self._sent_referral()
        self.assertFalse(referral.protocol_entry_id)
        line = self._print_letter(referral)
        entry = referral.protocol_entry_id
        self.assertEqual((entry.number, entry.year, entry.date), (1, 2026, date(2026, 3, 10)))
        self.assertEqual(entry.name, "1/2026")
        self.assertEqual(entry.document_kind, "referral_letter")
        self.assertEqual(entry.beneficiary_id, self.mother)
        self.assertEqual(entry.correspondent_id, self.dypa)
        self.assertEqual((entry.res_model, entry.res_id), ("kentro.referral", referral.id))
        self.assertEqual(line, "Prot. No.: 1/2026 – 10/03/2026")

    def test_a_reprint_keeps_the_number_and_the_date(self):
        with freeze_time("2026-03-10 09:00:00"):
            referral = self._sent_referral()
            self._print_letter(referral)
            entry = referral.protocol_entry_id
            self._print_letter(self._sent_referral(agency=self.opeka))
        with freeze_time("2026-04-02 09:00:00"):
            line = self._print_letter(referral, user=self.user_head)
        self.assertEqual(referral.protocol_entry_id, entry)
        self.assertEqual((entry.name, entry.date), ("1/2026", date(2026, 3, 10)))
        self.assertEqual(line, "Prot. No.: 1/2026 – 10/03/2026")
        registered = self.env["kentro.protocol.entry"].search(
            [("res_model", "=", "kentro.referral"), ("res_id", "=", referral.id)]
        )
        self.assertEqual(registered, entry)

    def test_numbers_follow_each_other_and_restart_every_year(self):
        with freeze_time("2026-12-31 10:00:00"):
            first, second = self._sent_referral(), self._sent_referral(agency=self.opeka)
            self._print_letter(first)
            self._print_letter(second)
        with freeze_time("2027-01-04 10:00:00"):
            third = self._sent_referral()
            self._print_letter(third)
        self.assertEqual(
            (first | second | third).protocol_entry_id.mapped("name"),
            ["1/2026", "2/2026", "1/2027"],
        )
        self.assertEqual(third.protocol_entry_id.date, date(2027, 1, 4))

    @freeze_time("2026-05-05 10:00:00")
    def test_each_municipality_and_direction_has_its_own_numbers(self):
        ours = self._incoming()
        theirs = self._incoming(user=self.user_manager_other)
        referral = self._sent_referral()
        self._print_letter(referral)
        outgoing = referral.protocol_entry_id
        next_ours = self._incoming()
        self.assertEqual(ours.company_id, self.municipality)
        self.assertEqual(theirs.company_id, self.other_municipality)
        self.assertEqual(
            [ours.name, theirs.name, outgoing.name, next_ours.name],
            ["1/2026", "1/2026", "1/2026", "2/2026"],
        )
        sequences = self.env["ir.sequence"].search(
            [("code", "like", "kentro.protocol.entry.%"), ("company_id", "=", self.municipality.id)]
        )
        self.assertEqual(len(sequences), 2)
        self.assertTrue(all(sequences.mapped("use_date_range")))
        self.assertEqual(set(sequences.mapped("implementation")), {"standard"})

    @freeze_time("2026-05-05 10:00:00")
    def test_an_incoming_request_is_registered_by_hand_on_the_file(self):
        school = self.env["res.partner"].create({"name": "2ο Δημοτικό Σχολείο", "is_company": True})
        Entry = self.env["kentro.protocol.entry"].with_user(self.user_professional)
        with Form(Entry.with_context(default_direction="incoming")) as form:
            form.document_kind = "incoming_request"
            form.subject = "Αίτημα σχολείου για κοινωνική έκθεση"
            form.correspondent_id = school
            form.beneficiary_id = self.mother
        entry = form.record
        self.assertEqual((entry.direction, entry.name), ("incoming", "1/2026"))
        self.assertEqual(entry.user_id, self.user_professional)
        self.assertEqual(entry.date, date(2026, 5, 5))
        self.assertIn("1/2026", entry.display_name)

    @freeze_time("2026-05-05 10:00:00")
    def test_a_chosen_number_or_date_is_ignored(self):
        entry = self._incoming(number=77, year=2020, date=date(2020, 1, 1))
        self.assertEqual((entry.name, entry.date), ("1/2026", date(2026, 5, 5)))


@tagged("post_install", "-at_install", "kentro", "kentro_protocol", "kentro_security")
class TestProtocolRegisterAccess(ProtocolCase):
    def test_an_entry_is_fixed_once_registered(self):
        entry = self._incoming()
        with self.assertRaisesRegex(AccessError, "Ask an administrator"):
            entry.with_user(self.user_professional).write({"subject": "Άλλο"})
        with self.assertRaises(AccessError):
            entry.with_user(self.user_head).unlink()
        as_manager = entry.with_user(self.user_manager)
        as_manager.write({"subject": "Αίτημα εισαγγελίας"})
        self.assertEqual(entry.subject, "Αίτημα εισαγγελίας")
        for values in ({"number": 5}, {"date": date(2020, 1, 1)}, {"year": 2020}):
            with self.assertRaisesRegex(UserError, "never change"):
                as_manager.write(values)
        as_manager.unlink()
        self.assertFalse(entry.exists())

    def test_reception_reads_nothing_of_the_register(self):
        self._incoming(beneficiary_id=self.mother.id)
        Entry = self.env["kentro.protocol.entry"].with_user(self.user_reception)
        with self.assertRaises(AccessError):
            Entry.search_read([], ["subject"])
        with self.assertRaises(AccessError):
            Entry.read_group([], ["direction"], ["direction"])
        with self.assertRaises(AccessError):
            Entry.name_search("Αίτημα")
        with self.assertRaises(AccessError):
            self._incoming(user=self.user_reception)

    def test_a_professional_reads_the_entries_of_the_files_they_may_read(self):
        ours = self._incoming(beneficiary_id=self.mother.id, subject="Εισαγγελία: Οικονόμου")
        annex = self._incoming(
            user=self.user_annex_professional,
            beneficiary_id=self.annex_person.id,
            subject="Εισαγγελία: Ζαφειρίου",
        )
        general = self._incoming(subject="Εγκύκλιος υπουργείου")
        theirs = self._incoming(user=self.user_manager_other, subject="Άλλος δήμος")

        def visible(user):
            return self.env["kentro.protocol.entry"].with_user(user).search([])

        self.assertEqual(visible(self.user_professional), ours | general)
        self.assertEqual(visible(self.user_annex_professional), annex | general)
        self.assertEqual(visible(self.user_head), ours | annex | general)
        self.assertNotIn(theirs, visible(self.user_head))
        Entry = self.env["kentro.protocol.entry"].with_user(self.user_professional)
        self.assertFalse(Entry.name_search("Ζαφειρίου"))
        groups = Entry.read_group([], ["direction"], ["direction"])
        self.assertEqual(groups[0]["direction_count"], 2)
        with self.assertRaises(AccessError):
            annex.with_user(self.user_professional).read(["subject"])

    def test_no_entry_names_a_file_the_professional_may_not_read(self):
        with self.assertRaises(AccessError):
            self._incoming(beneficiary_id=self.annex_person.id)
        self.assertFalse(
            self.env["kentro.protocol.entry"].search(
                [("beneficiary_id", "=", self.annex_person.id)]
            )
        )

    def test_the_register_is_on_the_professionals_menu(self):
        menu = self.env.ref("kentro_community.kentro_protocol_entry_menu")
        for user, shown in (
            (self.user_reception, False),
            (self.user_professional, True),
            (self.user_head, True),
        ):
            menus = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            self.assertEqual(menu.id in menus, shown, user.login)


@contextmanager
def _environment(registry, uid=odoo.SUPERUSER_ID):
    """An environment on a real, separate connection, committed at the end."""
    with registry.cursor() as cr:
        yield odoo.api.Environment(cr, uid, {})


@tagged("post_install", "-at_install", "kentro", "kentro_protocol")
class TestProtocolConcurrency(BaseCase):
    """Two professionals print at the same moment, each in a transaction of
    their own (a real PostgreSQL connection) that commits only after both have
    drawn a number: they get two different numbers, and neither waits for the
    other. (Both transactions are driven from the test's thread: the test
    runner holds the registry's lock, which a second thread's environment
    would wait for.)"""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())

    def setUp(self):
        super().setUp()
        with _environment(self.registry) as env:
            company = env["res.company"].create({"name": "Δήμος Ταυτόχρονων Εκτυπώσεων"})
            centre = env["kentro.centre"].create(
                {
                    "name": "Κέντρο Κοινότητας Ταυτόχρονο",
                    "code": "KK-RACE",
                    "company_id": company.id,
                }
            )
            users = [
                new_staff_user(
                    env,
                    f"kentro_race_professional_{index}",
                    "kentro_community.group_kentro_professional",
                    company,
                    centres=centre,
                )
                for index in (1, 2)
            ]
            person = env["kentro.beneficiary"].create(
                {"first_name": "Άννα", "last_name": "Ταυτόχρονη", "centre_id": centre.id}
            )
            agency = env["res.partner"].create({"name": "Φορέας Δοκιμής", "is_company": True})
            referrals = env["kentro.referral"].create(
                [{"beneficiary_id": person.id, "agency_id": agency.id} for _index in range(3)]
            )
            # The register exists: a letter was printed earlier this year.
            env["ir.actions.report"].with_user(users[0])._render_qweb_html(
                REFERRAL_LETTER, referrals[0].ids
            )
            self.ids = {
                "company": company.id,
                "centre": centre.id,
                "users": [user.id for user in users],
                "person": person.id,
                "agency": agency.id,
                "referrals": referrals.ids,
            }
        self.addCleanup(self._clean)

    def _clean(self):
        with _environment(self.registry) as env:
            referrals = env["kentro.referral"].browse(self.ids["referrals"])
            env["kentro.protocol.entry"].search([("company_id", "=", self.ids["company"])]).unlink()
            referrals.unlink()
            person = env["kentro.beneficiary"].browse(self.ids["person"])
            partner = person.partner_id
            person.unlink()
            partner.unlink()
            env["res.partner"].browse(self.ids["agency"]).unlink()
            users = env["res.users"].browse(self.ids["users"])
            user_partners = users.partner_id
            users.unlink()
            user_partners.unlink()
            env["kentro.centre"].browse(self.ids["centre"]).unlink()
            env["ir.sequence"].search([("company_id", "=", self.ids["company"])]).unlink()
            env["res.company"].browse(self.ids["company"]).unlink()

    def test_two_people_printing_at_once_get_two_numbers(self):
        users, referrals = self.ids["users"], self.ids["referrals"][1:]
        with (
            _environment(self.registry, users[0]) as first,
            _environment(self.registry, users[1]) as second,
        ):
            for env in (first, second):
                # Waiting on the other transaction fails the test rather than
                # hanging it: both prints must go through while both are open.
                env.cr.execute("SET LOCAL lock_timeout = '2s'")
            first["ir.actions.report"]._render_qweb_html(REFERRAL_LETTER, referrals[:1])
            second["ir.actions.report"]._render_qweb_html(REFERRAL_LETTER, referrals[1:])
            numbers = [
                env["kentro.referral"].browse(referral).protocol_entry_id.name
                for env, referral in ((first, referrals[0]), (second, referrals[1]))
            ]
        # Both transactions committed when their blocks ended.
        year = dates.greek_today().year
        self.assertEqual(sorted(numbers), [f"2/{year}", f"3/{year}"])
        with _environment(self.registry) as env:
            entries = env["kentro.protocol.entry"].search(
                [("company_id", "=", self.ids["company"])]
            )
            self.assertEqual(sorted(entries.mapped("number")), [1, 2, 3])

    @mute_logger("odoo.sql_db")
    def test_the_first_two_prints_of_a_year_do_not_both_take_number_one(self):
        users, referrals = self.ids["users"], self.ids["referrals"][1:]
        next_year = dates.greek_today().year + 1
        with freeze_time(f"{next_year}-01-02 09:00:00"):
            with _environment(self.registry, users[1]) as second:
                # The second transaction has begun (its snapshot is taken)...
                second.cr.execute("SELECT 1 FROM kentro_protocol_entry LIMIT 1")
                # ... when the first print of the year creates the year's
                # numbering and commits.
                with _environment(self.registry, users[0]) as first:
                    first["ir.actions.report"]._render_qweb_html(REFERRAL_LETTER, referrals[:1])
                # The second cannot see that numbering: rather than create its
                # own and print 1 again, it fails to serialise, which Odoo
                # retries.
                with self.assertRaises(psycopg2.errors.SerializationFailure):
                    second["ir.actions.report"]._render_qweb_html(REFERRAL_LETTER, referrals[1:])
                second.cr.rollback()
            with _environment(self.registry, users[1]) as retried:
                retried["ir.actions.report"]._render_qweb_html(REFERRAL_LETTER, referrals[1:])
        with _environment(self.registry) as env:
            printed = env["kentro.referral"].browse(referrals).protocol_entry_id
            self.assertEqual(printed.mapped("name"), [f"1/{next_year}", f"2/{next_year}"])
