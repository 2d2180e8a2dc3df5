def load(table, key):
    try:
        return table[key]
    except KeyError:
        return fallback[key]

print("loading")
load({"a": 1}, "b")
