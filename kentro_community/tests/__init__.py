from . import test_access_rights
from . import test_centre
from . import test_beneficiary
from . import test_registry_security
from . import test_staffing
from . import test_three_axes
from . import test_ui
from . import test_job_bank
