x: int, y = 3
