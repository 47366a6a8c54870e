from . import kentro_beneficiary_report
from . import kentro_beneficiary_sheet
