def gen():
    x = yield
    return x +
