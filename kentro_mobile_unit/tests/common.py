from odoo.addons.kentro_community.tests.common import (
    KentroCommunityCase,
    athens,
    new_staff_user,
    weekly_hours,
)


class MobileCase(KentroCommunityCase):
    """A mobile unit of the test centre covering three villages, its crew
    (one member of the unit only, one of the centre too) and a repeat rule."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.glafki = ref("kentro_mobile_unit.kentro_area_mykis_glafki")
        cls.kotyli = ref("kentro_mobile_unit.kentro_area_mykis_kotyli")
        cls.thermes = ref("kentro_mobile_unit.kentro_area_mykis_thermes")
        cls.satres = ref("kentro_mobile_unit.kentro_area_mykis_satres")
        hours = weekly_hours(cls.env, "Ωράριο", 8, 16, cls.municipality)
        cls.centre.resource_calendar_id = hours
        cls.unit = cls.env["kentro.centre"].create(
            {
                "name": "Κινητή Μονάδα Δοκιμής",
                "code": "KK-T-KM",
                "centre_type": "mobile_unit",
                "parent_id": cls.centre.id,
                "company_id": cls.municipality.id,
                "resource_calendar_id": hours.id,
                "vehicle": "Van ΞΑΗ 1234",
                "mobile_area_ids": [(6, 0, (cls.glafki | cls.kotyli | cls.thermes).ids)],
            }
        )

        social_worker = ref("kentro_community.kentro_staff_role_social_worker")

        def crew(login, group, centres):
            return new_staff_user(cls.env, login, group, cls.municipality, centres, social_worker)

        cls.driver = crew("unit_driver", "kentro_community.group_kentro_reception", cls.unit)
        cls.social_worker = crew(
            "unit_social_worker",
            "kentro_community.group_kentro_professional",
            cls.unit | cls.centre,
        )
        cls.crew = cls.driver | cls.social_worker
        cls.information = ref("kentro_community.kentro_service_type_information")

    def new_visit(self, day, area=None, user=None, **values):
        return (
            self.env["kentro.mobile.visit"]
            .with_user(user or self.social_worker)
            .create(
                {
                    "centre_id": self.unit.id,
                    "area_id": (area or self.glafki).id,
                    "start": athens(day, 9),
                    "stop": athens(day, 12),
                    "meeting_point": "Πλατεία",
                    "user_ids": [(6, 0, self.crew.ids)],
                    **values,
                }
            )
        )
