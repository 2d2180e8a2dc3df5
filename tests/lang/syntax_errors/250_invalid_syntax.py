try:
    pass
except ValueError as e, TypeError:
    pass
