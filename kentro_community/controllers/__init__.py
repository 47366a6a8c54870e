from . import subject_access
