class Doc:
    """Class docstring."""
    def m(self):
        """Method doc."""
        return self

def g():
    return 1
    print("dead")

def h(x):
    if x:
        return 1
    else:
        return 2
    print("dead")
