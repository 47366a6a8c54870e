from . import greek
