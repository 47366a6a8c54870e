from . import villages
