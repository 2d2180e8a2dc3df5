def f():
    """Docstring."""
    return 1

def g():
    "another"
    x = 1
    return x
