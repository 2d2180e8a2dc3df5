def collector():
    items = []
    while True:
        item = yield len(items)
        if item is None:
            return items
        items.append(item)

c = collector()
print(next(c))
print(c.send("a"))
print(c.send("b"))
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
