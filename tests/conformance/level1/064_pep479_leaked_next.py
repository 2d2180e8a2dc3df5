def first_of_each(*iterables):
    for it in iterables:
        it = iter(it)
        yield next(it)

print(list(first_of_each([1, 2], "xy")))
try:
    print(list(first_of_each([1], [], [3])))
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

def safe_first_of_each(*iterables):
    for it in iterables:
        for x in it:
            yield x
            break

print(list(safe_first_of_each([1], [], [3])))
