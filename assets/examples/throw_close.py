# throw() raises an exception at the paused yield; close() raises GeneratorExit.
def worker():
    print("worker starts")
    try:
        while True:
            try:
                job = yield "ready"
                print("doing", job)
            except ValueError as e:
                print("worker recovered from", repr(e))
    finally:
        print("worker cleans up")


w = worker()
print(next(w))
print(w.send("job 1"))
print(w.throw(ValueError("bad job")))
print(w.send("job 2"))
w.close()
print("closed; frame is", w.gi_frame)


def stubborn():
    try:
        yield "first"
    except GeneratorExit:
        print("stubborn ignores GeneratorExit")
    yield "still alive"


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(next(s, "stubborn finished"))
