from . import kentro_centre
from . import kentro_area
from . import kentro_mobile_visit
from . import kentro_mobile_schedule
from . import kentro_beneficiary
from . import kentro_service
from . import kentro_referral
from . import kentro_esf_participant
