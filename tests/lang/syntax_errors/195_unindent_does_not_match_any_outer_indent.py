if True:
    pass
   x = 1
