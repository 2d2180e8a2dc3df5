def f(items, width=10, prec=3):
    for name, val in items:
        print(f"{name!s:<{width}}|{val:{width}.{prec}f}|{'x'}|{val!a}")
    return f"{len(items)} items"
