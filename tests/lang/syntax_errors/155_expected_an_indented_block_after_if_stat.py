if x:

else:
    pass
