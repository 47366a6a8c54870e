from . import kentro_centre
