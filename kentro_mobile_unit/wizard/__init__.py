from . import kentro_mobile_registration
from . import kentro_mobile_poster
from . import kentro_appointment_finder
from . import kentro_activity_report
