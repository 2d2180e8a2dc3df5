def rng(start, stop=None, step=1, *extra, **opts):
    if stop is None:
        start, stop = 0, start
    if opts.get("verbose"):
        print("extra", extra, "opts", opts)
    i = start
    while i < stop:
        yield i
        i += step

print(list(rng(4)))
print(list(rng(2, 10, 3)))
print(list(rng(1, 3, 1, "x", "y", verbose=True)))
print(list(rng(stop=3, start=1)))
