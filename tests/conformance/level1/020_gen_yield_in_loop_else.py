def search(items, target):
    for i, item in enumerate(items):
        yield "checking %d" % i
        if item == target:
            yield "found at %d" % i
            break
    else:
        yield "not found"
    yield "done"

print(list(search([3, 1, 4], 1)))
print(list(search([3, 1, 4], 9)))
