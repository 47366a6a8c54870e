from . import kentro_centre
from . import kentro_roma_settlement
