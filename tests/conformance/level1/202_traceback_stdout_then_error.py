import sys

for i in range(3):
    print("line", i)
print("error line", file=sys.stderr)
raise NotImplementedError("not yet")
