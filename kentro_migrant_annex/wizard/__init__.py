from . import kentro_activity_report
from . import kentro_appointment_finder
from . import kentro_appointment_slot
