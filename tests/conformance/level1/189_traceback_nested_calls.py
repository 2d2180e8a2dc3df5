def divide(a, b):
    return a / b

def average(values):
    return divide(sum(values), len(values))

def report(groups):
    for name, values in groups:
        print(name, average(values))

report([("first", [1, 2, 3]), ("empty", [])])
print("never printed")
