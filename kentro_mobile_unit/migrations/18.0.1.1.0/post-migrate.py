"""18.0.1.1.0: areas have a degree of urbanisation (ESF+: participants from
rural areas). The areas Kentro ships are data that an update does not
rewrite (noupdate): theirs are set here, where the administrator has not
set one already. Areas added by hand are left for the administrator."""

from odoo import SUPERUSER_ID, api

# The shipped areas' degrees, as in data/kentro_area_data.xml.
URBANISATION = {
    "kentro_area_mykis": "rural",
    "kentro_area_chios_unit_chios": "town",
    "kentro_area_chios_unit_omiroupoli": "rural",
    "kentro_area_chios_unit_ionia": "rural",
    "kentro_area_chios_unit_amani": "rural",
    "kentro_area_chios_unit_mastichochoria": "rural",
    "kentro_area_chios_unit_kardamyla": "rural",
    "kentro_area_lamia_unit_lamia": "city",
    "kentro_area_lamia_unit_ypati": "rural",
    "kentro_area_lamia_unit_gorgopotamos": "rural",
    "kentro_area_lamia_unit_leianokladi": "rural",
    "kentro_area_lamia_unit_pavliani": "rural",
}


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid, degree in URBANISATION.items():
        area = env.ref(f"kentro_mobile_unit.{xmlid}", raise_if_not_found=False)
        if area and not area.urbanisation:
            area.urbanisation = degree
