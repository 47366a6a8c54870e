from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged, users
from odoo.tools import SQL, mute_logger
from odoo.tools.safe_eval import safe_eval

from .common import KentroRegistryCase, assert_odoo_calls


@tagged("kentro", "kentro_registry")
class TestBeneficiaryValidation(KentroRegistryCase):
    def _create(self, **values):
        vals = {
            "first_name": "Άννα",
            "last_name": "Δημητρίου",
            "birthdate": date(1985, 6, 2),
            "centre_id": self.centre.id,
        }
        vals.update(values)
        return self.env["kentro.beneficiary"].create(vals)

    def _assert_refused(self, fragment, **values):
        Beneficiary = self.env["kentro.beneficiary"]
        before = Beneficiary.search_count([])
        partners = self.env["res.partner"].search_count([])
        with self.assertRaises(ValidationError) as caught:
            self._create(**values)
        self.assertIn(fragment, str(caught.exception))
        self.assertEqual(Beneficiary.search_count([]), before, "a refused person was written")
        self.assertEqual(self.env["res.partner"].search_count([]), partners)

    def test_amka_with_wrong_check_digit_is_refused(self):
        self._assert_refused("is not valid", amka="02068512341")

    def test_amka_with_wrong_length_is_refused(self):
        self._assert_refused("11 digits", amka="0206851234")

    def test_amka_not_matching_birthdate_is_refused(self):
        # Valid ΑΜΚΑ of someone born on 15/03/80, given to a person born 02/06/85.
        self._assert_refused("starts with 150380", amka="15038098768")

    def test_afm_with_wrong_check_digit_is_refused(self):
        self._assert_refused("ΑΦΜ 090000046", afm="090000046")

    def test_future_birthdate_is_refused(self):
        self._assert_refused("is in the future", birthdate=date(2999, 1, 1), amka=False)

    def test_valid_identifiers_are_kept_without_spaces(self):
        person = self._create(amka="020685 12348", afm="0900 00045")
        self.assertEqual((person.amka, person.afm), ("02068512348", "090000045"))

    @freeze_time("2026-11-23")
    def test_expired_document_is_flagged(self):
        person = self._create(id_document_type="id_card", id_document_expiry=date(2026, 1, 31))
        self.assertTrue(person.id_document_expired)
        Beneficiary = self.env["kentro.beneficiary"]
        self.assertIn(person, Beneficiary.search([("id_document_expired", "=", True)]))
        self.assertNotIn(
            self.papadopoulos, Beneficiary.search([("id_document_expired", "=", True)])
        )

    def test_disability_percentage_above_100_is_refused_by_the_database(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self._create(disability=True, disability_percentage=120)

    @freeze_time("2026-11-23")
    def test_age_band_and_long_term_unemployment(self):
        person = self._create(
            birthdate=date(1997, 11, 24),
            employment_status="unemployed",
            dypa_registration_date=date(2025, 11, 23),
        )
        self.assertEqual((person.age, person.age_band), (28, "18_29"))
        self.assertTrue(person.long_term_unemployed)
        person.dypa_registration_date = date(2025, 11, 24)
        self.assertFalse(person.long_term_unemployed)

    @freeze_time("2026-11-23")
    def test_fields_stored_at_creation_are_those_the_compute_methods_give(self):
        # Creation sets them from the values given (no temporary record per
        # person); recomputing them on the saved files must change nothing.
        Beneficiary = self.env["kentro.beneficiary"].with_user(self.user_reception)
        people = Beneficiary.create(
            [
                {"first_name": "Άννα", "last_name": "Δημητρίου", "centre_id": self.centre.id},
                {
                    "first_name": "Γιώργος",
                    "last_name": "Παπαδάκης",
                    "father_name": "Νικόλαος",
                    "birthdate": "2010-11-24",
                    "employment_status": "unemployed",
                    "dypa_registration_date": "2025-11-23",
                    "education_level": "isced_2",
                },
                {
                    "first_name": "Σοφία",
                    "last_name": "Ιωάννου",
                    "birthdate": date(1960, 1, 5),
                    "employment_status": "unemployed",
                    "dypa_registration_date": date(2025, 11, 24),
                    "education_level": "isced_7",
                    "centre_id": self.centre.id,
                },
            ]
        )
        names = [
            name
            for name, field in people._fields.items()
            if field.precompute and field.store and field.model_name == "kentro.beneficiary"
        ]
        self.assertTrue(
            {"name", "age", "age_band", "search_key", "phonetic_key", "company_id"} <= set(names)
        )
        people.flush_recordset()
        people.invalidate_recordset()
        stored = people.read(names)
        for name in names:
            self.env.add_to_compute(people._fields[name], people)
        self.env.flush_all()
        people.invalidate_recordset()
        self.assertEqual(people.read(names), stored)
        self.assertEqual(
            [(p["name"], p["age"], p["age_band"], p["long_term_unemployed"]) for p in stored],
            [
                ("Δημητρίου Άννα", 0, False, False),
                ("Παπαδάκης Γιώργος", 15, "under_18", True),
                ("Ιωάννου Σοφία", 66, "55_plus", False),
            ],
        )
        self.assertEqual([p["education_band"] for p in stored], [False, "isced_0_2", "isced_5_8"])
        self.assertEqual(people[1].name_key, "παπαδακησ γιωργοσ")
        # With the father's name, by which a file may be found too.
        self.assertEqual(people[1].search_key, "παπαδακησ γιωργοσ νικολαοσ")
        self.assertEqual(people[1].phonetic_key, " papadakis iorgos nikolaos")
        self.assertEqual(people.mapped("company_id"), self.municipality)

    def test_creation_sets_the_precomputed_fields_through_the_hook_kentro_overrides(self):
        Beneficiary = self.env["kentro.beneficiary"]
        with assert_odoo_calls(self, Beneficiary, "_add_precomputed_values"):
            Beneficiary.create(
                [{"first_name": "Άννα", "last_name": "Δοκιμής", "centre_id": self.centre.id}]
            )

    def test_contact_belongs_to_the_municipality_of_the_default_structure(self):
        person = (
            self.env["kentro.beneficiary"]
            .with_user(self.user_annex_professional)
            .create({"first_name": "Ηλίας", "last_name": "Αθανασίου"})
        )
        self.assertEqual(person.centre_id, self.annex)
        self.assertEqual(person.partner_id.company_id, self.municipality)

    def test_contact_carries_name_and_phone(self):
        person = self.papadopoulos
        self.assertEqual(person.partner_id.name, "Παπαδόπουλος Γεώργιος")
        self.assertEqual(person.partner_id.phone, "2271044556")
        person.first_name = "Γιώργος"
        self.assertEqual(person.partner_id.name, "Παπαδόπουλος Γιώργος")


@tagged("kentro", "kentro_registry")
class TestBeneficiaryDuplicates(KentroRegistryCase):
    @users("kentro_professional")
    def test_same_amka_is_refused_naming_the_visible_file(self):
        Beneficiary = self.env["kentro.beneficiary"]
        with self.assertRaises(ValidationError) as caught:
            Beneficiary.create(
                {
                    "first_name": "Γιώργης",
                    "last_name": "Παπαδόπουλος",
                    "birthdate": date(1980, 3, 15),
                    "amka": "15038012348",
                    "centre_id": self.centre.id,
                }
            )
        self.assertIn("Παπαδόπουλος Γεώργιος", str(caught.exception))

    @users("kentro_annex_professional")
    def test_same_amka_in_a_file_the_user_cannot_see_is_refused_without_naming_it(self):
        with self.assertRaises(ValidationError) as caught:
            self.env["kentro.beneficiary"].create(
                {
                    "first_name": "Γ.",
                    "last_name": "Π.",
                    "amka": "15038012348",
                    "centre_id": self.annex.id,
                }
            )
        self.assertIn("another structure", str(caught.exception))
        self.assertNotIn("Παπαδόπουλος", str(caught.exception))

    def test_same_amka_twice_in_one_batch_is_refused(self):
        Beneficiary = self.env["kentro.beneficiary"]
        before = Beneficiary.search_count([])
        with self.assertRaises(ValidationError) as caught:
            Beneficiary.create(
                [
                    {
                        "first_name": name,
                        "last_name": "Δίδυμος",
                        "amka": "02068512348",
                        "centre_id": self.centre.id,
                    }
                    for name in ("Κάστωρ", "Πολυδεύκης")
                ]
            )
        self.assertIn("two of the people being registered", str(caught.exception))
        self.assertEqual(Beneficiary.search_count([]), before)

    def test_batch_registration_does_not_query_per_person(self):
        Beneficiary = self.env["kentro.beneficiary"]

        def queries_to_register(count, tag):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            Beneficiary.create(
                [
                    {
                        "first_name": f"{tag} {'α' * (index + 1)}",
                        "last_name": "Μαζικό",
                        "amka": False,
                        "centre_id": self.centre.id,
                    }
                    for index in range(count)
                ]
            )
            self.env.flush_all()
            return self.cr.sql_log_count - before

        queries_to_register(5, "Α")  # warm the caches
        self.assertLessEqual(queries_to_register(40, "Γ"), queries_to_register(10, "Β") + 2)

    def test_same_amka_is_unique_in_the_database(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.cr.execute(
                "UPDATE kentro_beneficiary SET amka = %s WHERE id = %s",
                ["15038012348", self.annex_person.id],
            )

    def test_same_amka_in_another_municipality_is_another_person(self):
        other = self.env["kentro.beneficiary"].create(
            {
                "first_name": "Γεώργιος",
                "last_name": "Παπαδόπουλος",
                "birthdate": date(1980, 3, 15),
                "amka": "15038012348",
                "centre_id": self.other_centre.id,
            }
        )
        self.assertEqual(other.company_id, self.other_municipality)

    @users("kentro_professional")
    def test_same_name_and_birthdate_warns_and_lists_the_candidates(self):
        form = Form(self.env["kentro.beneficiary"])
        form.last_name = "ΠΑΠΑΔΟΠΟΥΛΟΣ"
        form.first_name = "γεωργιος"
        self.assertFalse(form.duplicate_ids)
        with self.assertLogs("odoo.tests.form.onchange", level="WARNING") as logs:
            form.birthdate = date(1980, 3, 15)
        self.assertEqual(form.duplicate_ids[:], self.papadopoulos)
        self.assertIn("Παπαδόπουλος Γεώργιος", logs.output[0])
        # A warning, not a refusal: namesakes exist.
        person = form.save()
        self.assertEqual(person.duplicate_ids, self.papadopoulos)


@tagged("kentro", "kentro_registry")
class TestBeneficiarySearch(KentroRegistryCase):
    @users("kentro_reception")
    def test_name_found_regardless_of_accents_case_and_final_sigma(self):
        Beneficiary = self.env["kentro.beneficiary"]
        for typed in ("παπαδοπουλος", "ΠΑΠΑΔΟΠΟΥΛΟΣ", "Παπαδόπουλος", "παπαδοπ", "Παπαδοπουλοσ"):
            found = Beneficiary.name_search(typed)
            self.assertEqual([row[0] for row in found], [self.papadopoulos.id], typed)

    @users("kentro_reception")
    def test_name_found_by_latin_transliteration(self):
        Beneficiary = self.env["kentro.beneficiary"]
        for typed in ("papadopoulos", "PAPADOPOULOS georgios", "papadopoul"):
            found = Beneficiary.search([("display_name", "ilike", typed)])
            self.assertEqual(found, self.papadopoulos, typed)

    @users("kentro_reception")
    def test_found_by_amka_afm_and_phone(self):
        Beneficiary = self.env["kentro.beneficiary"]
        for typed in ("15038012348", "090000045", "2271044556", "044556"):
            self.assertEqual(Beneficiary.name_search(typed)[0][0], self.papadopoulos.id, typed)

    def test_name_search_is_backed_by_a_trigram_index(self):
        self.cr.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'kentro_beneficiary'"
            " AND (indexdef ILIKE '%%search_key%%' OR indexdef ILIKE '%%phonetic_key%%')"
        )
        # One index per key: on the column itself, which LIKE can use (not
        # on unaccent(column), as Odoo's index="trigram" would make it).
        indexes = dict(self.cr.fetchall())
        self.assertEqual(
            set(indexes),
            {"kentro_beneficiary_search_key_trgm", "kentro_beneficiary_phonetic_key_trgm"},
        )
        for definition in indexes.values():
            self.assertIn("gin_trgm_ops", definition)
            self.assertNotIn("unaccent", definition)
        # Greek input is looked up by spelling, Latin and greeklish input by
        # sound, each from its key's index, with one pattern.
        Beneficiary = self.env["kentro.beneficiary"]
        for typed, index in (
            ("παπαδόπ", "kentro_beneficiary_search_key_trgm"),
            ("Papadopoulos", "kentro_beneficiary_phonetic_key_trgm"),
            ("Xristos", "kentro_beneficiary_phonetic_key_trgm"),
        ):
            query = Beneficiary._search([("display_name", "ilike", typed)], limit=8)
            self.cr.execute("SET LOCAL enable_seqscan = off")
            self.cr.execute(SQL("EXPLAIN %s", query.select()))
            plan = "\n".join(row[0] for row in self.cr.fetchall())
            self.assertIn(index, plan, typed)
            self.assertNotIn("unaccent", plan, typed)
            self.assertEqual(plan.count("~~"), 2, plan)  # the index condition and its recheck
        self.cr.execute("SET LOCAL enable_seqscan = on")

    @users("kentro_reception")
    def test_registry_action_opens_on_a_search_not_on_everyone(self):
        action = self.env.ref("kentro_community.kentro_beneficiary_action").sudo()
        Registry = self.env["kentro.beneficiary"].with_context(**safe_eval(action.context))
        spec = {"name": {}}
        self.assertEqual(Registry.web_search_read([], spec)["length"], 0)
        found = Registry.web_search_read([("display_name", "ilike", "papadopoulos")], spec)
        self.assertEqual([row["id"] for row in found["records"]], [self.papadopoulos.id])
        active = Registry.web_search_read([("state", "=", "active")], spec)
        self.assertGreaterEqual(active["length"], 1)
