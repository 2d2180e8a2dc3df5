def f(x):
    try:
        return x
    finally:
        print("cleanup")

def g():
    for i in range(3):
        try:
            continue
        finally:
            print(i)

def h():
    try:
        pass
    finally:
        return 1
