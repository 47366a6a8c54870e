from . import test_structure_type
from . import test_settlement
from . import test_fieldwork
