"""Module docstring."""
import gc
x = [1, 2, 3]
for i in x:
    if i > 1:
        print(i)
while x:
    x.pop()
try:
    gc.collect()
except Exception:
    pass
y = {i: i for i in range(3)}
