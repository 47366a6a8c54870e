from . import kentro_beneficiary_report
from . import kentro_beneficiary_sheet
from . import kentro_subject_access
from . import kentro_referral_report
from . import kentro_social_report
from . import kentro_certificate
