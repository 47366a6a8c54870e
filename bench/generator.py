"""A realistic municipality for the benchmarks, loaded through the ORM in
batches (the code paths staff use): structures and staff, households, N
beneficiaries with valid ΑΜΚΑ/ΑΦΜ and accented Greek names, about ten
services each, consents and referrals, applications with their checklists,
and appointments over two years."""

import random
import sys
import time
from datetime import date, datetime, timedelta

import holidays
import pytz
from stdnum import luhn
from stdnum.gr import vat

from odoo import Command

MARKER = "kentro.bench.size"
BUILD_SECONDS = "kentro.bench.build_seconds"
BATCH = 2000
QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
}
MALE = [
    "Γιώργος",
    "Κωνσταντίνος",
    "Δημήτρης",
    "Νίκος",
    "Γιάννης",
    "Παναγιώτης",
    "Βασίλης",
    "Χρήστος",
    "Αθανάσιος",
    "Μιχάλης",
    "Ευάγγελος",
    "Σπύρος",
    "Αντώνης",
    "Ηλίας",
    "Θεόδωρος",
]
FEMALE = [
    "Μαρία",
    "Ελένη",
    "Αικατερίνη",
    "Βασιλική",
    "Σοφία",
    "Αγγελική",
    "Γεωργία",
    "Δήμητρα",
    "Κωνσταντίνα",
    "Ευαγγελία",
    "Ιωάννα",
    "Χριστίνα",
    "Παναγιώτα",
    "Ειρήνη",
    "Αναστασία",
]
# (male form, female form)
SURNAMES = [
    ("Παπαδόπουλος", "Παπαδοπούλου"),
    ("Παπαδάκης", "Παπαδάκη"),
    ("Γεωργίου", "Γεωργίου"),
    ("Οικονόμου", "Οικονόμου"),
    ("Βασιλείου", "Βασιλείου"),
    ("Νικολάου", "Νικολάου"),
    ("Καραγιάννης", "Καραγιάννη"),
    ("Αθανασίου", "Αθανασίου"),
    ("Ιωάννου", "Ιωάννου"),
    ("Παπαγεωργίου", "Παπαγεωργίου"),
    ("Μακρής", "Μακρή"),
    ("Κωνσταντίνου", "Κωνσταντίνου"),
    ("Δημητρίου", "Δημητρίου"),
    ("Χατζηδάκης", "Χατζηδάκη"),
    ("Σταυρόπουλος", "Σταυροπούλου"),
    ("Αλεξίου", "Αλεξίου"),
    ("Πετρόπουλος", "Πετροπούλου"),
    ("Μιχαηλίδης", "Μιχαηλίδου"),
    ("Ζαφειρίου", "Ζαφειρίου"),
    ("Τσολάκης", "Τσολάκη"),
    ("Λαμπράκης", "Λαμπράκη"),
    ("Αντωνίου", "Αντωνίου"),
    ("Κυριακίδης", "Κυριακίδου"),
    ("Σπυρόπουλος", "Σπυροπούλου"),
    ("Μαυρίδης", "Μαυρίδου"),
    ("Ξυλούρης", "Ξυλούρη"),
    ("Ρήγας", "Ρήγα"),
    ("Φωτίου", "Φωτίου"),
    ("Ψαράς", "Ψαρά"),
    ("Ευθυμίου", "Ευθυμίου"),
    ("Θεοδωρίδης", "Θεοδωρίδου"),
    ("Μπαλτάς", "Μπαλτά"),
    ("Γαλάνης", "Γαλάνη"),
    ("Δελής", "Δελή"),
    ("Ηλιόπουλος", "Ηλιοπούλου"),
    ("Καλογεράκης", "Καλογεράκη"),
    ("Λιάπης", "Λιάπη"),
    ("Νταλάκας", "Νταλάκα"),
    ("Ορφανίδης", "Ορφανίδου"),
    ("Πολυχρόνης", "Πολυχρόνη"),
]
STREETS = [
    "Αγίου Ισιδώρου",
    "Ελευθερίου Βενιζέλου",
    "Κύπρου",
    "Αριστοτέλους",
    "Ερμού",
    "Καποδιστρίου",
    "Πλαστήρα",
    "Μιαούλη",
    "Κανάρη",
    "Ρήγα Φεραίου",
]


class Progress:
    """A progress bar on stderr, one line redrawn."""

    def __init__(self, label, total, stream=sys.stderr):
        self.label, self.total, self.stream = label, max(total, 1), stream
        self.start = time.monotonic()
        self.done = 0

    def advance(self, count):
        self.done += count
        share = self.done / self.total
        elapsed = time.monotonic() - self.start
        rate = self.done / elapsed if elapsed else 0
        bar = "#" * int(share * 30)
        self.stream.write(
            f"\r  {self.label:<14} [{bar:<30}] {self.done:>9,}/{self.total:,} {rate:8.0f}/s"
        )
        self.stream.flush()
        if self.done >= self.total:
            self.stream.write("\n")


def amka(birthdate, serial):
    """A valid ΑΜΚΑ: the birth date, a serial and the Luhn check digit."""
    body = birthdate.strftime("%d%m%y") + f"{serial:04d}"
    return body + luhn.calc_check_digit(body)


def afm(serial):
    """A valid ΑΦΜ: eight digits and the mod-11 check digit."""
    body = f"{10000000 + serial:08d}"
    return body + vat.calc_check_digit(body)


def person_values(rng, index, centre, household=None, today=None):
    """The registration data of the ``index``-th person: unique ΑΜΚΑ and ΑΦΜ."""
    today = today or date.today()
    female = rng.random() < 0.52
    surname = rng.choice(SURNAMES)[1 if female else 0]
    first = rng.choice(FEMALE if female else MALE)
    # Unique ΑΜΚΑ: one birth date per block of 10,000 serials.
    birthdate = date(1935, 1, 1) + timedelta(days=(index * 7919) % 27000)
    serial = index // 27000
    values = {
        "first_name": first,
        "last_name": surname,
        "gender": "female" if female else "male",
        "birthdate": birthdate,
        "amka": amka(birthdate, serial),
        "afm": afm(index) if rng.random() < 0.8 else False,
        "centre_id": centre.id,
        "registration_date": today - timedelta(days=rng.randrange(730)),
        # An Athens landline (21…): any eight digits after it make a valid
        # number, which the registry requires.
        "phone": f"21{rng.randrange(100000000, 999999999) % 100000000:08d}",
        "street": f"{rng.choice(STREETS)} {rng.randrange(1, 150)}",
        "city": "Δήμος Μετρήσεων",
        "employment_status": rng.choice(
            ["unemployed", "employed", "inactive", "retired", "student"]
        ),
        "education_level": rng.choice(["isced_1", "isced_2", "isced_3", "isced_6"]),
    }
    if household:
        values["household_id"] = household.id
    return values


class Municipality:
    """Builds, or finds, the benchmark municipality in a database."""

    def __init__(self, env, size, seed=2016, progress=True):
        self.env = env(context=dict(env.context, **QUIET))
        self.size = size
        self.rng = random.Random(seed)
        self.progress = progress
        self.today = date.today()

    def _bar(self, label, total):
        if self.progress:
            return Progress(label, total)
        return type("Silent", (), {"advance": lambda self, count: None})()

    # Structures and staff --------------------------------------------------
    def structures(self):
        env = self.env
        company = env["res.company"].search([("name", "=", "Δήμος Μετρήσεων")], limit=1)
        if company:
            centres = env["kentro.centre"].search([("company_id", "=", company.id)], order="id")
            return company, centres
        company = env["res.company"].create({"name": "Δήμος Μετρήσεων"})
        hours = env["resource.calendar"].create(
            {
                "name": "Ωράριο 08:00–16:00",
                "company_id": company.id,
                "tz": "Europe/Athens",
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "name": f"{day} 8-16",
                            "dayofweek": str(day),
                            "hour_from": 8,
                            "hour_to": 16,
                            "day_period": "morning",
                        }
                    )
                    for day in range(5)
                ],
            }
        )
        Centre = env["kentro.centre"]
        centre = Centre.create(
            {
                "name": "Κέντρο Κοινότητας Μετρήσεων",
                "code": "KK-BENCH",
                "company_id": company.id,
                "resource_calendar_id": hours.id,
                "population": 150000,
            }
        )
        others = Centre.create(
            [
                {
                    "name": name,
                    "code": code,
                    "centre_type": "annex",
                    "parent_id": centre.id,
                    "company_id": company.id,
                    "resource_calendar_id": hours.id,
                }
                for name, code in (
                    ("Παράρτημα Μετρήσεων Α", "KK-BENCH-A"),
                    ("Παράρτημα Μετρήσεων Β", "KK-BENCH-B"),
                )
            ]
        )
        centres = centre | others
        roles = {
            "psychologist": env.ref("kentro_community.kentro_staff_role_psychologist"),
            "social_worker": env.ref("kentro_community.kentro_staff_role_social_worker"),
            "administrative": env.ref("kentro_community.kentro_staff_role_administrative"),
        }
        users = env["res.users"].with_context(no_reset_password=True)
        for structure in centres:
            for login, role, group in (
                (f"bench.reception.{structure.id}", "administrative", "group_kentro_reception"),
                (f"bench.psychologist.{structure.id}", "psychologist", "group_kentro_professional"),
                (f"bench.social.{structure.id}", "social_worker", "group_kentro_professional"),
            ):
                users.create(
                    {
                        "name": login,
                        "login": login,
                        "company_id": company.id,
                        "company_ids": [Command.set(company.ids)],
                        "kentro_centre_ids": [Command.set((structure | centre).ids)],
                        "kentro_role_id": roles[role].id,
                        "groups_id": [Command.set(env.ref(f"kentro_community.{group}").ids)],
                        "tz": "Europe/Athens",
                    }
                )
        head = env.ref("kentro_community.group_kentro_head")
        users.create(
            {
                "name": "bench.head",
                "login": "bench.head",
                "company_id": company.id,
                "company_ids": [Command.set(company.ids)],
                "kentro_centre_ids": [Command.set(centre.ids)],
                "kentro_role_id": roles["social_worker"].id,
                "groups_id": [Command.set(head.ids)],
                "tz": "Europe/Athens",
            }
        )
        return company, centres

    def user(self, kind, structure):
        return self.env["res.users"].search([("login", "=", f"bench.{kind}.{structure.id}")])

    # The people -----------------------------------------------------------
    def generate(self):
        """Load the municipality unless the database already holds it."""
        env = self.env
        params = env["ir.config_parameter"].sudo()
        if params.get_param(MARKER) == str(self.size):
            return False
        started = time.monotonic()
        company, centres = self.structures()
        self._people(centres)
        self._services(centres)
        self._referrals(centres)
        self._applications()
        self._appointments(centres)
        params.set_param(MARKER, str(self.size))
        params.set_param(BUILD_SECONDS, str(round(time.monotonic() - started)))
        env.cr.commit()
        return True

    def _people(self, centres):
        env, rng = self.env, self.rng
        Household = env["kentro.household"]
        Beneficiary = env["kentro.beneficiary"]
        bar = self._bar("beneficiaries", self.size)
        index = 0
        while index < self.size:
            batch = min(BATCH, self.size - index)
            centre = centres[(index // BATCH) % len(centres)]
            # Households of one to five people.
            sizes = []
            while sum(sizes) < batch:
                sizes.append(min(rng.choice([1, 1, 2, 3, 3, 4, 5]), batch - sum(sizes)))
            households = Household.create(
                [
                    {"name": f"Νοικοκυριό {index + n}", "centre_id": centre.id}
                    for n in range(len(sizes))
                ]
            )
            values = []
            for household, members in zip(households, sizes, strict=True):
                for _member in range(members):
                    values.append(
                        person_values(rng, index + len(values), centre, household, self.today)
                    )
            Beneficiary.create(values)
            self._commit(bar, batch)
            index += batch

    def _commit(self, bar, count):
        """Keep a loaded batch and start the next one with an empty cache."""
        self.env.cr.commit()
        self.env.invalidate_all()
        bar.advance(count)

    def person_batch(self, count, centre, first_index):
        """Registration data of ``count`` people who are not in the database."""
        return [
            person_values(self.rng, first_index + n, centre, today=self.today) for n in range(count)
        ]

    def _ids(self, model, domain=()):
        return self.env[model].search(list(domain), order="id").ids

    def _services(self, centres):
        env, rng = self.env, self.rng
        types = env["kentro.service.type"].search([])
        staff = {c.id: (self.user("psychologist", c) | self.user("social", c)).ids for c in centres}
        people = env["kentro.beneficiary"].search_read([], ["centre_id", "registration_date"])
        counts = [rng.randint(7, 13) for _row in people]
        bar = self._bar("services", sum(counts))
        Service = env["kentro.service"]
        values = []
        for row, count in zip(people, counts, strict=True):
            for _n in range(count):
                registered = row["registration_date"]
                day = registered + timedelta(
                    days=rng.randrange(max((self.today - registered).days, 1))
                )
                values.append(
                    {
                        "beneficiary_id": row["id"],
                        "service_type_id": rng.choice(types).id,
                        "centre_id": row["centre_id"][0],
                        "user_id": rng.choice(staff[row["centre_id"][0]]),
                        "date": day,
                        "duration": rng.choice([15, 20, 30, 45, 60]),
                    }
                )
                if len(values) >= BATCH * 5:
                    Service.create(values)
                    self._commit(bar, len(values))
                    values = []
        if values:
            Service.create(values)
            self._commit(bar, len(values))

    def _referrals(self, centres):
        env, rng = self.env, self.rng
        agencies = env["res.partner"].search([("kentro_is_agency", "=", True)])
        people = self._ids("kentro.beneficiary")
        chosen = rng.sample(people, len(people) // 5)
        bar = self._bar("referrals", len(chosen))
        for start in range(0, len(chosen), BATCH):
            batch = chosen[start : start + BATCH]
            pairs = [(person, rng.choice(agencies).id) for person in batch]
            sent = [self.today - timedelta(days=rng.randrange(730)) for _pair in pairs]
            # Each consent is signed on or before the day its referral is sent,
            # as the referral's constraint requires.
            consents = env["kentro.consent"].create(
                [
                    {"beneficiary_id": person, "agency_id": agency, "date": day}
                    for (person, agency), day in zip(pairs, sent, strict=True)
                ]
            )
            env["kentro.referral"].create(
                [
                    {
                        "beneficiary_id": person,
                        "agency_id": agency,
                        "consent_id": consent.id,
                        "state": rng.choice(["sent", "accepted", "completed", "rejected"]),
                        "sent_date": day,
                    }
                    for (person, agency), consent, day in zip(pairs, consents, sent, strict=True)
                ]
            )
            self._commit(bar, len(batch))

    def _applications(self):
        env, rng = self.env, self.rng
        programmes = env["kentro.programme"].search([])
        people = self._ids("kentro.beneficiary")
        chosen = rng.sample(people, len(people) // 5)
        bar = self._bar("applications", len(chosen))
        for start in range(0, len(chosen), BATCH):
            batch = chosen[start : start + BATCH]
            applications = env["kentro.application"].create(
                [
                    {
                        "beneficiary_id": person,
                        "programme_id": rng.choice(programmes).id,
                        "state": rng.choice(["draft", "collecting", "submitted", "approved"]),
                    }
                    for person in batch
                ]
            )
            env["kentro.application.document"].create(
                [line for application in applications for line in application._checklist_values()]
            )
            self._commit(bar, len(batch))

    def _appointments(self, centres):
        """One appointment for every twentieth person, over two years, in the
        professionals' free slots inside opening hours."""
        env, rng = self.env, self.rng
        counselling = env.ref("kentro_community.kentro_service_type_counselling_adult")
        athens = pytz.timezone("Europe/Athens")
        people = env["kentro.beneficiary"].search_read([], ["centre_id"])
        chosen = rng.sample(people, len(people) // 20)
        bar = self._bar("appointments", len(chosen))
        slots = {}
        staff = {c.id: (self.user("psychologist", c) | self.user("social", c)).ids for c in centres}
        Event = env["calendar.event"]
        first_day = self.today - timedelta(days=730)
        # The structures are closed on public holidays: bookings refuse them.
        closed = holidays.country_holidays("GR", years=range(first_day.year, self.today.year + 2))
        values = []
        days = [
            first_day + timedelta(days=offset)
            for offset in range(730 + 42)
            if (first_day + timedelta(days=offset)).weekday() < 5
            and first_day + timedelta(days=offset) not in closed
        ]

        def free_slot(professionals):
            """A random working day of the two years (and the coming weeks),
            at the professional's next free hour that day; when a structure's
            diaries are nearly full (its people outnumber its hours at
            500,000), the first free hour; None when there is none."""
            professional = rng.choice(professionals)
            for _attempt in range(200):
                day = first_day + timedelta(days=rng.randrange(730 + 42))
                hour = slots.get((professional, day), 8)
                if day.weekday() < 5 and day not in closed and hour < 16:
                    return professional, day, hour
            for day in days:
                for professional in professionals:
                    hour = slots.get((professional, day), 8)
                    if hour < 16:
                        return professional, day, hour
            return None

        for row in chosen:
            centre = row["centre_id"][0]
            slot = free_slot(staff[centre])
            if slot is None:  # every diary of the structure is full: no appointment
                bar.advance(1)
                continue
            professional, day, hour = slot
            slots[(professional, day)] = hour + 1
            start = athens.localize(
                datetime.combine(day, datetime.min.time()) + timedelta(hours=hour)
            )
            start = start.astimezone(pytz.utc).replace(tzinfo=None)
            values.append(
                {
                    "name": "Ραντεβού",
                    "kentro_beneficiary_id": row["id"],
                    "kentro_service_type_id": counselling.id,
                    "kentro_centre_id": centre,
                    "user_id": professional,
                    "start": start,
                    "stop": start + timedelta(minutes=45),
                    "kentro_attendance": rng.choice(["attended", "attended", "missed", "planned"]),
                }
            )
            if len(values) >= 500:
                Event.create(values)
                self._commit(bar, len(values))
                values = []
        if values:
            Event.create(values)
            self._commit(bar, len(values))
