class Meta(type):
    pass

class A(metaclass=Meta):
    x: int = 1
    y = [i for i in range(3)]

class B(A, object):
    def method(self):
        def helper():
            return __class__
        return helper()

def make():
    class Local:
        attr = 1
        def get(self):
            return self.attr
    return Local
