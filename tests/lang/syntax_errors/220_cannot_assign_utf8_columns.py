# comment
if True:
    x = "café" + f() = 3
