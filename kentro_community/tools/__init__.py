from . import greek
from . import values
from . import dates
from . import groups
from . import privacy
from . import phones
