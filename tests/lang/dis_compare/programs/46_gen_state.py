import inspect

def gen():
    yield inspect.currentframe()

g = gen()
print(inspect.getgeneratorstate(g))
frame = next(g)
print(g.gi_frame.f_lasti, g.gi_frame.f_lineno)
print(g.gi_code.co_name, g.gi_code.co_varnames)
