ge = (x * 2 for x in range(3))
print(ge.__name__, ge.__qualname__)
print(ge.gi_code.co_name, ge.gi_code.co_varnames)
print(ge.gi_running, ge.gi_suspended, ge.gi_yieldfrom)
print(next(ge))
print(ge.gi_suspended)

class K:
    def method(self):
        return (c for c in "ab")

print(K().method().__qualname__)
