def gen():
    print("running: gi_running =", g.gi_running, "gi_suspended =", g.gi_suspended)
    yield

def show(label):
    print(label, g.gi_running, g.gi_suspended, g.gi_frame is None)

g = gen()
show("created")
next(g)
show("suspended")
g.close()
show("closed")
