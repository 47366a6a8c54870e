from . import kentro_centre
from . import kentro_roma_settlement
from . import kentro_roma_fieldwork
from . import kentro_beneficiary
