from . import kentro_beneficiary_report
