def show(name, value, width):
    print(f"{name}: {value:>{width}} {value!r} {value:.2f}")
    return f"{name}"
