def inner():
    print("outer running?", outer_gen.gi_running, "inner running?", inner_gen.gi_running)
    yield 1

def outer():
    yield from inner_gen

inner_gen = inner()
outer_gen = outer()
next(outer_gen)
print("after:", outer_gen.gi_running, inner_gen.gi_running)
try:
    next(inner_gen)
except StopIteration:
    print("inner driven directly to the end")
try:
    next(outer_gen)
except StopIteration:
    print("outer sees inner finished")
