class K:
    base = 10
    values = [base + 1]
    try:
        more = [base + i for i in range(2)]
    except NameError as e:
        error = str(e)

print(K.values, K.error)

def f():
    n = 3
    return [n * i for i in range(n)]

print(f())
y = 5
print([y for _ in range(2)])
print({i: [j for j in range(i)] for i in range(3)})
