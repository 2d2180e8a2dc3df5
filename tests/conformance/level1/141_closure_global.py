total = 0
names = []

def add(n):
    global total
    total += n

def remember(name):
    names.append(name)

def make_global():
    global created_later
    created_later = "made inside a function"

add(3)
add(4)
remember("x")
make_global()
print(total, names, created_later)

x = "global x"
def shadow():
    x = "local x"
    return x
print(shadow(), x)
