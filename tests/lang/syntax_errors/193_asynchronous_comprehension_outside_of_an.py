x = (i async for i in y)
y = [i async for i in y]
