def f(**kwargs, *args): pass
