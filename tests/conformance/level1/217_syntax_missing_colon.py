print("this line is never executed")

def broken(x)
    return x
