from . import kentro_activity_report
