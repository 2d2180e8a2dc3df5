try:
    undefined_variable_abcdef
except NameError as e:
    print("NameError:", e)
    print(e.args)

def f():
    return missing_global_xyz

try:
    f()
except NameError as e:
    print("NameError:", e)

x = 1
del x
try:
    x
except NameError as e:
    print("NameError:", e)
