def outer_function():
    def my_gen(a, b=2, *args, **kw):
        x = a + b
        yield x
        y = x * 2
        yield y
    return my_gen

f = outer_function()
g = f(1)
code = g.gi_code
print(code.co_name)
print(code.co_qualname)
print(code.co_firstlineno)
print(code.co_varnames)
print(code is f.__code__)
print(g.__name__, g.__qualname__)
print(g.gi_frame.f_code is code)
