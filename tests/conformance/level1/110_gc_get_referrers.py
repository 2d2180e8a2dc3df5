import gc

class C:
    pass

target = C()
holder_list = [target]
holder_dict = {"t": target}

def is_in(container, seq):
    return any(x is container for x in seq)

refs = gc.get_referrers(target)
print(is_in(holder_list, refs))
print(is_in(holder_dict, refs))
holder_list.clear()
refs = gc.get_referrers(target)
print(is_in(holder_list, refs))
print(is_in(holder_dict, refs))
