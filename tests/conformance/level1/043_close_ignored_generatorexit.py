def stubborn():
    while True:
        try:
            yield "still here"
        except GeneratorExit:
            print("refusing to close")

g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(g.gi_frame is not None, g.gi_suspended)
print(next(g))
print("end of program; g is still suspended")
