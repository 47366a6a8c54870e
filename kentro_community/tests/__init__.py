from . import test_access_rights
from . import test_centre
from . import test_ui
