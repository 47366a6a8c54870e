from . import kentro_activity_report
from . import kentro_appointment_finder
from . import kentro_appointment_slot
from . import kentro_support_plan_close
from . import kentro_support_plan_close_line
from . import kentro_social_report_wizard
from . import kentro_certificate_wizard
from . import kentro_esf_report
