from . import test_structure_type
from . import test_settlement
from . import test_fieldwork
from . import test_reports
from . import test_access
from . import test_personal_data
from . import test_security_matrix
from . import test_translations
