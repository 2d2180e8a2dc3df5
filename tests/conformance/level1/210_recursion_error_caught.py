import sys

def depth(n):
    return depth(n + 1)

print(sys.getrecursionlimit())
try:
    depth(0)
except RecursionError as e:
    print("RecursionError:", e)
    print(isinstance(e, RuntimeError))
print("still running")

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def count_down(n):
    return 0 if n == 0 else 1 + count_down(n - 1)

print(fact(20))
print(count_down(500))
