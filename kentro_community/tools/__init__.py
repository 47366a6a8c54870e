from . import greek
from . import values
