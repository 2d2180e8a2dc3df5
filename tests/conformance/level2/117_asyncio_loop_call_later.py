import asyncio

loop = asyncio.new_event_loop()
order = []


def mark(name):
    order.append(name)
    print("fired", name)


loop.call_later(0.09, mark, "c")
loop.call_later(0.03, mark, "a")
loop.call_later(0.06, mark, "b")
loop.call_soon(mark, "soon")
loop.call_later(0.12, loop.stop)
loop.run_forever()
print(order)
loop.close()
