from . import test_structure_type
