def fib(n):
    t = 0
    i = 1
    j = 1
    r = 0
    result = None
    while t <= n:
        print("result", repr(result))
        if t < 2:
            result = yield i
        else:
            r = i + j
            result = yield r
            i = j
            j = r
        t += 1
    try:
        1 / 0
    except ZeroDivisionError:
        r = yield "ZeroDivisionError"
        print(repr(r))
        try:
            import empty
        except ModuleNotFoundError:
            result = yield "ModuleNotFoundError"
            print("result", repr(result))
        finally:
            result = yield "ModuleNotFoundError finally"
            print("result", repr(result))
    raise StopIteration

f = fib(5)
print(type(f), type(fib))
print(f.gi_code is fib.__code__, f.gi_running)
r = f.send(None)
print(repr(r), "line", f.gi_frame.f_lineno)
for k in range(1, 9):
    word = "handsome" if k == 1 else "handsome%d" % k
    r = f.send(word)
    print(repr(r), "line", f.gi_frame.f_lineno)
r = f.send("handsome9")
