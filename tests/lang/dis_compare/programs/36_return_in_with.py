def f(cm, xs):
    with cm:
        for x in xs:
            if x:
                return x
    return None
