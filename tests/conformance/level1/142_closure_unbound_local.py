counter = 10

def broken():
    counter += 1
    return counter

try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def later():
    print(value)
    value = 3

try:
    later()
except UnboundLocalError as e:
    print(type(e).__name__, "is a NameError:", isinstance(e, NameError), "-", e)

def free_var():
    def inner():
        return v
    r = inner
    try:
        r()
    except NameError as e:
        print("NameError:", e)
    v = 1

free_var()
