def deco(f):
    return f

@deco
def f():
    pass

class C:
    @staticmethod
    def s():
        return 1
    @classmethod
    def c(cls):
        return cls
    @property
    def p(self):
        return 2
