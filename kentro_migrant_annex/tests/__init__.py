from . import test_structure_type
from . import test_legal_status
from . import test_interpreters
from . import test_kem_report
from . import test_personal_data
from . import test_error_messages
from . import test_security_matrix
from . import test_translations
