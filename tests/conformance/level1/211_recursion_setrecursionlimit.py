import sys

reached = 0

def dive(n):
    global reached
    reached = n
    dive(n + 1)

old = sys.getrecursionlimit()
sys.setrecursionlimit(120)
print(sys.getrecursionlimit())
try:
    dive(1)
except RecursionError as e:
    print("caught:", e)
print("depth reached between 80 and 120:", 80 < reached < 120)
sys.setrecursionlimit(old)
print(sys.getrecursionlimit())

def mutual_a(n):
    return mutual_b(n + 1)

def mutual_b(n):
    return mutual_a(n + 1)

try:
    mutual_a(0)
except RecursionError as e:
    print("mutual recursion:", e)
