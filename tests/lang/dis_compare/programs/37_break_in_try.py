def f(xs):
    for x in xs:
        try:
            if x:
                break
            continue
        finally:
            print("f")
    while True:
        try:
            break
        except ValueError:
            pass
