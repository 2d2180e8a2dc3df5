print(end='' x)
