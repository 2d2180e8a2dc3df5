def session():
    print("session start")
    try:
        yield "connected"
        yield "busy"
    finally:
        print("session finally at interpreter exit")

s = session()
print(next(s))
print("main program done")
