from . import test_structure_type
from . import test_schedule
from . import test_visit
from . import test_report
from . import test_wizard_privacy
from . import test_personal_data
from . import test_mobile_day
