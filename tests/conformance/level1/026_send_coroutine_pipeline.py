def printer(prefix):
    while True:
        line = yield
        print(prefix + line)

def upper(target):
    while True:
        line = yield
        target.send(line.upper())

def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line)

p = printer(">> ")
next(p)
u = upper(p)
next(u)
g = grep("py", u)
next(g)
for line in ["python rocks", "ruby too", "happy days", "spy games"]:
    g.send(line)
