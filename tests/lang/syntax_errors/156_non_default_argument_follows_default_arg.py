def f(self, x=1, y):
    pass
