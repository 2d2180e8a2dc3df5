def nested(n):
    if n == 0:
        yield "bottom"
    else:
        yield from nested(n - 1)

print(list(nested(50)))

def endless():
    yield from endless()

try:
    next(endless())
except RecursionError as e:
    print("RecursionError:", e)
print("recovered")
