def f(x):
    if x:
        raise ValueError("bad")
    try:
        raise KeyError
    except KeyError as e:
        raise RuntimeError("wrapped") from e

def g():
    try:
        pass
    except:
        raise
