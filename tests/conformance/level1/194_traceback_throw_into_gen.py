def worker():
    while True:
        job = yield
        print("working on", job)

w = worker()
next(w)
w.send("job-1")
w.throw(RuntimeError("shutdown requested"))
