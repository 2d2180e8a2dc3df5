x = [yield 1]
