from . import kentro_staff_role
from . import kentro_vulnerability
from . import kentro_centre
from . import res_users
from . import kentro_household
from . import kentro_beneficiary
from . import res_partner
