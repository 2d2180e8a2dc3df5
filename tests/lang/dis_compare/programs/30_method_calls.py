def f(items, d):
    items.append(1)
    items.sort(key=len, reverse=True)
    d.get("k", 0)
    s = ", ".join(str(i) for i in items)
    print(s, end="", sep=" ")
    return d.items()
