def reraise():
    try:
        raise ValueError("first")
    except ValueError:
        raise

try:
    reraise()
except ValueError as e:
    print("bare raise keeps", repr(e))

try:
    raise KeyError
except KeyError as e:
    print("class raised:", repr(e), e.args)

try:
    try:
        raise TypeError("inner")
    except TypeError as e:
        raise RuntimeError("outer") from e
except RuntimeError as e:
    print(repr(e), "cause", repr(e.__cause__), "suppress", e.__suppress_context__)

try:
    try:
        raise TypeError("hidden")
    except TypeError:
        raise RuntimeError("no context") from None
except RuntimeError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)

try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
