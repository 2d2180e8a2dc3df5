class Pause:
    def __await__(self):
        yield


async def job(a):
    b = a * 2
    await Pause()
    c = b + 1
    await Pause()
    return c


co = job(5)
f = co.cr_frame
print("created: lineno", f.f_lineno, "locals", sorted(f.f_locals.items()))
print("f_code is cr_code:", f.f_code is co.cr_code)
co.send(None)
print("first pause: lineno", co.cr_frame.f_lineno, sorted(co.cr_frame.f_locals.items()))
co.send(None)
print("second pause: lineno", co.cr_frame.f_lineno, sorted(co.cr_frame.f_locals.items()))
print("same frame object:", co.cr_frame is f)
print("f_back while suspended:", co.cr_frame.f_back)
try:
    co.send(None)
except StopIteration as e:
    print("returned", e.value)
print("finished: cr_frame", co.cr_frame)
