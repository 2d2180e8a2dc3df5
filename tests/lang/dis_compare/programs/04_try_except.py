def f(x):
    try:
        return 1 / x
    except ZeroDivisionError as e:
        print("zero", e)
    except (TypeError, ValueError):
        print("type")
    else:
        print("else")
    return None
