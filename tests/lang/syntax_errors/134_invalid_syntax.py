from . import *, x
