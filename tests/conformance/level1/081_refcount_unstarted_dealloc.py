def gen(label):
    print("body runs for", label)
    try:
        yield 1
    finally:
        print("finally for", label)

g = gen("unstarted")
del g
print("unstarted generator freed silently")

g = gen("finished")
print(list(g))
del g
print("finished generator freed silently")

g = gen("closed")
next(g)
g.close()
del g
print("closed generator freed silently")
