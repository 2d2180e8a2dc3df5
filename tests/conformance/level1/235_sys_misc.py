import sys

print(sys.get_asyncgen_hooks())
hooks = sys.get_asyncgen_hooks()
print(hooks.firstiter, hooks.finalizer)

def first(agen):
    pass

sys.set_asyncgen_hooks(firstiter=first)
print(sys.get_asyncgen_hooks().firstiter is first, sys.get_asyncgen_hooks().finalizer)
sys.set_asyncgen_hooks(firstiter=None, finalizer=None)
print(sys.get_asyncgen_hooks())
sys.set_coroutine_origin_tracking_depth(5)
sys.set_coroutine_origin_tracking_depth(0)
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print("ValueError:", e)
sys.stdout.write("stdout write returns %d\n" % sys.stdout.write(""))
