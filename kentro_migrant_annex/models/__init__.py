from . import kentro_centre
from . import kentro_language
from . import res_company
from . import res_users
from . import kentro_beneficiary
from . import kentro_migrant_document
from . import calendar_event
from . import kentro_group_activity
