def f(*args, **kwargs, x): pass
