from . import kentro_beneficiary_report
from . import kentro_beneficiary_sheet
from . import kentro_subject_access
