def gen():
    yield g.gi_frame.f_back.f_code.co_name
    yield g.gi_frame.f_back.f_code.co_name

def driver():
    return next(g)

g = gen()
print(g.gi_frame.f_back)
print(next(g))
print(g.gi_frame.f_back)
print(driver())
print(g.gi_frame.f_back)
