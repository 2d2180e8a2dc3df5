def f(seq):
    try:
        for x in seq:
            if x:
                return x
    finally:
        print("done")
