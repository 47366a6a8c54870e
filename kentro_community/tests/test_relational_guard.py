from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import KentroRegistryCase

# The guard's refusal, whatever the field (its label is in the message).
REFUSAL = "does not exist or you have no access to it"


class RelationalGuardCase(KentroRegistryCase):
    """A person, a household and a contact of another municipality, and an
    agency of the registry that everyone may pick."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_person = cls.env["kentro.beneficiary"].create(
            {
                "first_name": "Ιωάννα",
                "last_name": "Μυστικού",
                "birthdate": date(1970, 5, 5),
                "phone": "2100000001",
                "street": "Οδός Απορρήτου 7",
                "centre_id": cls.other_centre.id,
            }
        )
        cls.other_household = cls.env["kentro.household"].create(
            {"name": "Νοικοκυριό Άλλου Δήμου", "centre_id": cls.other_centre.id}
        )
        cls.household = cls.env["kentro.household"].create(
            {"name": "Νοικοκυριό Δοκιμής", "centre_id": cls.centre.id}
        )
        # Also a volunteer, so that every model naming a contact (volunteers'
        # hours too) can be sampled with it.
        cls.agency = cls.env["res.partner"].create(
            {
                "name": "Φορέας Δοκιμής",
                "is_company": True,
                "kentro_is_agency": True,
                "kentro_is_volunteer": True,
            }
        )

    def assertRefused(self, caught, *secrets):
        message = str(caught.exception)
        self.assertIn(REFUSAL, message)
        for secret in secrets:
            self.assertNotIn(secret, message)


@tagged("kentro", "kentro_privacy")
class TestRelationalGuard(RelationalGuardCase):
    def test_reception_cannot_take_the_contact_of_another_municipality(self):
        person = self.papadopoulos.with_user(self.user_reception)
        with self.assertRaises(AccessError) as caught:
            person.write({"partner_id": self.other_person.partner_id.id})
        self.assertRefused(caught, "Μυστικού")
        self.assertNotEqual(self.papadopoulos.partner_id, self.other_person.partner_id)
        self.assertEqual(self.other_person.partner_id.name, "Μυστικού Ιωάννα")

    def test_a_new_file_cannot_take_the_contact_of_another_structure(self):
        Beneficiary = self.env["kentro.beneficiary"].with_user(self.user_reception)
        with self.assertRaises(AccessError) as caught:
            Beneficiary.create(
                {
                    "first_name": "Άννα",
                    "last_name": "Δοκιμαστική",
                    "centre_id": self.centre.id,
                    "partner_id": self.annex_person.partner_id.id,
                }
            )
        self.assertRefused(caught, "Ζαφειρίου")

    def test_household_head_of_another_municipality_or_structure_is_refused(self):
        household = self.household.with_user(self.user_reception)
        for person in (self.other_person, self.annex_person):
            with self.subTest(person=person.name), self.assertRaises(AccessError) as caught:
                household.write({"head_id": person.id})
            self.assertRefused(caught, person.name)
        self.assertFalse(self.household.head_id)

    def test_a_file_cannot_join_a_household_of_another_municipality(self):
        with self.assertRaises(AccessError) as caught:
            self.papadopoulos.with_user(self.user_professional).write(
                {"household_id": self.other_household.id}
            )
        self.assertRefused(caught, self.other_household.name)

    def test_service_for_a_person_of_another_structure_is_refused(self):
        # Same municipality, so Odoo's company check lets it through.
        Service = self.env["kentro.service"].with_user(self.user_professional)
        with self.assertRaises(AccessError) as caught:
            Service.create(
                {
                    "beneficiary_id": self.annex_person.id,
                    "centre_id": self.centre.id,
                    "service_type_id": self.env.ref(
                        "kentro_community.kentro_service_type_counselling_adult"
                    ).id,
                }
            )
        self.assertRefused(caught, "Ζαφειρίου")

    def test_case_worker_of_another_municipality_is_refused(self):
        Referral = self.env["kentro.referral"].with_user(self.user_professional)
        with self.assertRaises(AccessError) as caught:
            Referral.create(
                {
                    "beneficiary_id": self.papadopoulos.id,
                    "agency_id": self.agency.id,
                    "user_id": self.user_manager_other.id,
                }
            )
        self.assertRefused(caught, self.user_manager_other.name)

    def test_agency_must_be_a_contact_the_user_may_read(self):
        Consent = self.env["kentro.consent"].with_user(self.user_professional)
        with self.assertRaises(AccessError) as caught:
            Consent.create(
                {
                    "beneficiary_id": self.papadopoulos.id,
                    "agency_id": self.other_person.partner_id.id,
                }
            )
        self.assertRefused(caught, "Μυστικού")
        # An ordinary company contact of the registry is fine.
        consent = Consent.create(
            {"beneficiary_id": self.papadopoulos.id, "agency_id": self.agency.id}
        )
        self.assertEqual(consent.agency_id, self.agency)

    def test_document_member_and_group_attendee_of_another_structure_are_refused(self):
        programme = self.env["kentro.programme"].create({"name": "Επίδομα Δοκιμής"})
        application = self.env["kentro.application"].create(
            {"beneficiary_id": self.papadopoulos.id, "programme_id": programme.id}
        )
        document_type = self.env["kentro.document.type"].create({"name": "Ταυτότητα"})
        Line = self.env["kentro.application.document"].with_user(self.user_professional)
        with self.assertRaises(AccessError) as caught:
            Line.create(
                {
                    "application_id": application.id,
                    "document_type_id": document_type.id,
                    "member_id": self.annex_person.id,
                }
            )
        self.assertRefused(caught, "Ζαφειρίου")

    def test_volunteer_contact_must_be_readable(self):
        Availability = self.env["kentro.volunteer.availability"].with_user(self.user_manager)
        with self.assertRaises(AccessError) as caught:
            Availability.create({"partner_id": self.other_person.partner_id.id})
        self.assertRefused(caught, "Μυστικού")

    def test_agency_contact_person_of_a_partner_must_be_readable(self):
        # A Kentro field on an Odoo model is guarded too.
        agency = self.agency.with_user(self.user_reception)
        with self.assertRaises(AccessError) as caught:
            agency.write({"kentro_agency_contact_id": self.other_person.partner_id.id})
        self.assertRefused(caught, "Μυστικού")

    def test_no_amka_oracle_through_a_structure_of_another_municipality(self):
        # The ΑΜΚΑ of the other municipality's person, asked with their structure.
        self.other_person.amka = "05057012345"
        Beneficiary = self.env["kentro.beneficiary"].with_user(self.user_reception)
        with self.assertRaises(AccessError) as caught:
            Beneficiary.create(
                {
                    "first_name": "Άννα",
                    "last_name": "Δοκιμαστική",
                    "amka": "05057012345",
                    "centre_id": self.other_centre.id,
                }
            )
        self.assertRefused(caught, "05057012345", "Μυστικού")

    def test_code_run_under_sudo_still_links(self):
        # What Kentro itself does as superuser (a service logged by a step of
        # casework) is not refused.
        service = (
            self.env["kentro.service"]
            .with_user(self.user_professional)
            .sudo()
            .create(
                {
                    "beneficiary_id": self.annex_person.id,
                    "service_type_id": self.env.ref(
                        "kentro_community.kentro_service_type_counselling_adult"
                    ).id,
                }
            )
        )
        self.assertEqual(service.centre_id, self.annex)

    def test_readable_targets_cost_one_query_per_model(self):
        Service = self.env["kentro.service"].with_user(self.user_professional)
        counselling = self.env.ref("kentro_community.kentro_service_type_counselling_adult")
        vals = {
            "beneficiary_id": self.papadopoulos.id,
            "service_type_id": counselling.id,
            "centre_id": self.centre.id,
        }
        Service._kentro_check_links([vals])  # warm the caches of rules
        self.env.invalidate_all()
        # The file (its rule), the structure (its rule); the service type has none.
        with self.assertQueryCount(__system__=2):
            Service._kentro_check_links([vals] * 10)


@tagged("kentro", "kentro_privacy")
class TestReferralConsent(RelationalGuardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Consent = cls.env["kentro.consent"]
        cls.consent = Consent.create(
            {"beneficiary_id": cls.papadopoulos.id, "agency_id": cls.agency.id}
        )
        cls.second_person = cls.env["kentro.beneficiary"].create(
            {"first_name": "Μαρία", "last_name": "Δεύτερη", "centre_id": cls.centre.id}
        )
        cls.consent_of_another = Consent.create(
            {"beneficiary_id": cls.second_person.id, "agency_id": cls.agency.id}
        )
        cls.other_agency = cls.env["res.partner"].create(
            {"name": "Άλλος Φορέας", "is_company": True, "kentro_is_agency": True}
        )
        cls.referral = cls.env["kentro.referral"].create(
            {"beneficiary_id": cls.papadopoulos.id, "agency_id": cls.agency.id}
        )

    def send_with(self, consent, **extra):
        self.referral.with_user(self.user_professional).write(
            {
                "state": "sent",
                "sent_date": fields.Date.context_today(self.referral),
                "consent_id": consent.id,
                **extra,
            }
        )

    def test_consent_of_another_person_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.send_with(self.consent_of_another)
        self.assertNotIn("Δεύτερη", str(caught.exception))
        self.assertEqual(self.referral.state, "draft")

    def test_consent_for_another_agency_is_refused(self):
        self.send_with(self.consent)
        with self.assertRaises(ValidationError):
            self.referral.with_user(self.user_professional).write(
                {"agency_id": self.other_agency.id}
            )

    def test_consent_not_valid_on_the_day_is_refused(self):
        today = fields.Date.context_today(self.consent)
        self.consent.valid_until = today - relativedelta(days=1)
        with self.assertRaises(ValidationError):
            self.send_with(self.consent)
        self.consent.write({"valid_until": False, "state": "refused"})
        with self.assertRaises(ValidationError):
            self.send_with(self.consent)
        self.consent.write({"state": "given", "date": today + relativedelta(days=3)})
        with self.assertRaises(ValidationError):
            self.send_with(self.consent)

    def test_the_persons_consent_sends_and_survives_its_withdrawal(self):
        self.referral.with_user(self.user_professional).action_send()
        self.assertEqual(self.referral.consent_id, self.consent)
        self.consent.state = "withdrawn"
        self.assertTrue(self.referral.consent_withdrawn)
        self.referral.with_user(self.user_professional).action_complete()
        self.assertEqual(self.referral.state, "completed")

    def test_category_consent_covers_the_agencies_of_its_category(self):
        category = self.env["kentro.agency.category"].create({"name": "Υγεία"})
        self.other_agency.kentro_agency_category_id = category
        consent = self.env["kentro.consent"].create(
            {"beneficiary_id": self.papadopoulos.id, "agency_category_id": category.id}
        )
        self.send_with(consent, agency_id=self.other_agency.id)
        self.assertEqual(self.referral.state, "sent")

    def test_a_consent_given_after_midnight_in_greece_covers_that_days_referral(self):
        # 23:30 UTC on 2 December is 01:30 on 3 December in Athens: the
        # consent, the referral and the check must all count the Greek day.
        with freeze_time("2026-12-02 23:30:00"):
            consent = self.env["kentro.consent"].create(
                {"beneficiary_id": self.second_person.id, "agency_id": self.agency.id}
            )
            self.assertEqual(consent.date, date(2026, 12, 3))
            referral = self.env["kentro.referral"].create(
                {"beneficiary_id": self.second_person.id, "agency_id": self.agency.id}
            )
            referral.with_user(self.user_professional).action_send()
            self.assertEqual(referral.consent_id, consent)
            self.assertEqual(referral.sent_date, date(2026, 12, 3))


@tagged("post_install", "-at_install", "kentro", "kentro_privacy")
class TestRelationalGuardRegistry(RelationalGuardCase):
    """Every stored many2one and many2many of every Kentro model (and every
    Kentro field of Odoo's models), found in the registry, refuses a record of
    another municipality, as every role that may write it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # One structure of every type in each municipality: the models an
        # annex adds for its own type of structure have somewhere to live.
        Centre = cls.env["kentro.centre"]
        types = [
            value
            for value in Centre._fields["centre_type"].get_values(cls.env)
            if value not in ("centre", "annex")
        ]
        cls.structures = {}
        for company, parent in (
            (cls.municipality, cls.centre),
            (cls.other_municipality, cls.other_centre),
        ):
            cls.structures[company] = parent + Centre.create(
                [
                    {
                        "name": f"Δομή {value} {company.name}",
                        "code": f"T-{value}-{company.id}",
                        "centre_type": value,
                        "parent_id": parent.id,
                        "company_id": company.id,
                    }
                    for value in types
                ]
            )
        # Each structure serves the first entry of every catalogue it lists
        # (a mobile unit's villages), the entry the sample values pick.
        for name, field in Centre._fields.items():
            Catalogue = cls.env[field.comodel_name] if field.relational else None
            if field.type == "many2many" and field.store and "company_id" not in Catalogue._fields:
                if Catalogue._name != "res.users" and (first := Catalogue.search([], limit=1)):
                    for structures in cls.structures.values():
                        structures.write({name: [Command.link(first.id)]})

    def setUp(self):
        super().setUp()
        self.unsampled = {}
        self.sampled = set()

    def _target_of_other_municipality(self, comodel):
        """A record of ``comodel`` that belongs to the other municipality, or
        an empty recordset when the model has no such records (catalogues)."""
        # sudo: fixtures are found whoever the test is about.
        Comodel = self.env[comodel].sudo().with_context(active_test=False)
        if comodel == "res.company":
            return self.other_municipality
        if comodel == "res.users":
            return self.user_manager_other
        if comodel == "ir.attachment":
            return Comodel.create(
                {
                    "name": "Έγγραφο άλλου δήμου.pdf",
                    "res_model": "kentro.beneficiary",
                    "res_id": self.other_person.id,
                    "raw": b"%PDF-1.4",
                }
            )
        other = {
            "kentro.centre": self.other_centre,
            "kentro.beneficiary": self.other_person,
            "kentro.household": self.other_household,
            "res.company": self.other_municipality,
            "res.partner": self.other_person.partner_id,
        }
        return self._in_company(Comodel, other, self.other_municipality)

    def _in_company(self, Model, records, company, depth=0):
        """A record of ``Model`` of ``company``: found, or created from its
        required fields (empty for models not bound to a company)."""
        if Model._name in records:
            return records[Model._name]
        Model = Model.sudo()  # fixtures, whoever the test is about
        field = Model._fields.get("company_id")
        if not (field and field.store and field.comodel_name == "res.company"):
            return Model.browse()
        found = Model.search([("company_id", "=", company.id)], order="id desc", limit=1)
        if found or Model._transient or not Model._auto or depth > 3:
            return found
        created = self._create_at_some_structure(Model, records, company, depth + 1)
        return created if created.company_id == company else Model.browse()

    def _create_at_some_structure(self, Model, records, company, depth=0):
        """A new record of ``Model`` at the first structure of ``company``
        where its own rules accept one (a mobile unit's visit needs a unit)."""
        for structure in self.structures[company]:
            values = {**records, "kentro.centre": structure}
            try:
                with self.env.cr.savepoint():
                    created = Model.create(self._sample_values(Model, values, company, depth))
                    self.env.flush_all()
                    return created
            except Exception as error:
                self.unsampled.setdefault(Model._name, []).append(f"{structure.name}: {error}")
        return Model.browse()

    def _sample(self, model, user):
        """A record of ``model`` the user may write, created at the user's
        structure from its required fields when none exists yet."""
        Model = self.env[model].with_user(user)
        if not Model.has_access("write"):
            return Model.browse()
        records = Model.search([], order="id desc", limit=20)._filtered_access("write")
        if not records and Model.has_access("create"):
            records = self._create_at_some_structure(Model, self._own(), self.municipality)
        if records:
            self.sampled.add(model)
        return records[:1]

    def _own(self):
        return {
            "kentro.centre": self.centre,
            "kentro.beneficiary": self.papadopoulos,
            "kentro.household": self.household,
            "res.partner": self.agency,
            "res.company": self.municipality,
        }

    def _sample_values(self, Model, records, company, depth=0):
        """Values for the required fields of ``Model``: relations to
        ``records`` or to records of ``company`` where the target has one."""
        defaults = Model.default_get(list(Model._fields))
        vals = {}
        hours = 0
        for name, field in Model._fields.items():
            if field.type == "many2one" and field.comodel_name in records and field.store:
                # The structure, the person, the agency: always those given.
                if not (field.related or field.readonly or name in vals):
                    vals[name] = records[field.comodel_name].id
                continue
            if not field.required or name in defaults or field.related:
                continue
            if field.type == "many2one":
                Comodel = Model.env[field.comodel_name]
                target = self._in_company(Comodel, records, company, depth) or Comodel.search(
                    [], limit=1
                )
                vals[name] = target.id
            elif field.type == "selection":
                # The last choice is often "other", which asks for nothing more.
                vals[name] = field.get_values(Model.env)[-1]
            elif field.type in ("char", "text", "html"):
                vals[name] = "Δοκιμή"
            elif field.type == "date":
                # The day in Greece, as the fields' defaults compute it.
                vals[name] = fields.Date.context_today(Model)
            elif field.type == "datetime":
                # A start before a stop, in the order the fields are declared.
                hours += 1
                vals[name] = fields.Datetime.now() + relativedelta(hours=hours)
            elif field.type in ("integer", "float", "monetary"):
                vals[name] = 1
        return vals

    def _try_link(self, Model, name, target):
        """None when the user may not write ``Model``; otherwise what went
        wrong linking ``target`` into ``name`` (empty when refused as it must)."""
        field = Model._fields[name]
        value = target.id if field.type == "many2one" else [Command.link(target.id)]
        if Model._transient:
            if not Model.has_access("create"):
                return None
            vals = {**self._sample_values(Model, self._own(), self.municipality), name: value}
        else:
            record = self._sample(Model._name, Model.env.user)
            if not record:
                return None
        try:
            with self.env.cr.savepoint():
                if Model._transient:
                    Model.create(vals)
                else:
                    record.write({name: value})
                self.env.flush_all()
        except Exception as error:
            if REFUSAL in str(error) or (
                isinstance(error, UserError) and not self._names_a_secret(str(error), target)
            ):
                # Refused, naming nothing of the other municipality (a model's
                # own refusal may come first, e.g. a note's author).
                return ""
            if Model._transient and not self._creates(Model, {**vals, name: False}):
                # The wizard cannot be opened from generic values at all.
                return None
            return str(error)
        return "linked"

    def _names_a_secret(self, message, target):
        secrets = {
            # sudo: the name the message must not contain, whoever may read it.
            target.sudo().display_name,
            self.other_person.name,
            self.other_centre.name,
            self.other_municipality.name,
        }
        return any(secret and secret in message for secret in secrets)

    def _creates(self, Model, vals):
        try:
            with self.env.cr.savepoint():
                Model.create(vals)
                self.env.flush_all()
        except Exception:
            return False
        return True

    def test_every_relational_field_refuses_another_municipality(self):
        leaks, tried = [], 0
        users = (self.user_reception, self.user_professional, self.user_head, self.user_manager)
        for model in sorted(self.env.registry):
            Model = self.env[model]
            if Model._abstract or not Model._auto:
                continue
            kentro_model = model.startswith("kentro.")
            for name, field in Model._fields.items():
                if field.type not in ("many2one", "many2many") or not field.store:
                    continue
                if name in models_magic or not (kentro_model or name.startswith("kentro_")):
                    continue
                target = self._target_of_other_municipality(field.comodel_name)
                if not target:
                    continue
                for user in users:
                    if field.groups and not user.has_groups(field.groups):
                        continue
                    outcome = self._try_link(Model.with_user(user), name, target)
                    if outcome is None:
                        continue
                    tried += 1
                    if outcome:
                        leaks.append(f"{model}.{name} as {user.login}: {outcome}")
        self.assertGreater(tried, 100)
        self.assertFalse(leaks, "\n".join(leaks))
        # A model no role could have a record of is a model this test missed.
        missed = {
            model: errors for model, errors in self.unsampled.items() if model not in self.sampled
        }
        self.assertFalse(missed, missed)


models_magic = {"create_uid", "write_uid"}
