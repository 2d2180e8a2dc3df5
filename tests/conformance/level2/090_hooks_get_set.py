import sys


def first(ag):
    print("firstiter")


def fin(ag):
    print("finalizer")


h = sys.get_asyncgen_hooks()
print(h)
print(h.firstiter, h.finalizer, h[0], h[1], len(h), type(h).__name__)
sys.set_asyncgen_hooks(firstiter=first)
h = sys.get_asyncgen_hooks()
print(h.firstiter is first, h.finalizer)
sys.set_asyncgen_hooks(finalizer=fin)
h = sys.get_asyncgen_hooks()
print("setting one keeps the other:", h.firstiter is first, h.finalizer is fin)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(*(first, fin))
old = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(firstiter=None, finalizer=None)
sys.set_asyncgen_hooks(*old)
print("restored:", sys.get_asyncgen_hooks().firstiter is first)
for kwargs in ({"firstiter": 1}, {"finalizer": "x"}):
    try:
        sys.set_asyncgen_hooks(**kwargs)
    except TypeError as e:
        print("TypeError:", e)
sys.set_asyncgen_hooks(None, None)
