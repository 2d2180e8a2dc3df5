class Bad:
    def __del__(self):
        print("Bad.__del__ running")
        raise ValueError("oops in __del__")

b = Bad()
del b
print("program continues")

def helper():
    x = Bad()
    return 5

print(helper())
print("end")
