"""The XML-ids of Kentro's security groups, named once for the Python code of
every Kentro addon (``from odoo.addons.kentro_community.tools import groups``).
The groups themselves are defined in ``security/kentro_community_security.xml``."""

# Prefix shared by every role group of the Community Centre.
PREFIX = "kentro_community.group_kentro_"

RECEPTION = f"{PREFIX}reception"
PROFESSIONAL = f"{PREFIX}professional"
HEAD = f"{PREFIX}head"
MANAGER = f"{PREFIX}manager"
SUPERVISOR = f"{PREFIX}supervisor"
