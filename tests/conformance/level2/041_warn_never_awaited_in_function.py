async def job(n):
    return n


def forgetful():
    job(1)
    print("forgetful returns")


def keeps_local():
    c = job(2)
    print("keeps_local returns")


forgetful()
keeps_local()
for i in range(3):
    job(i)
print("a warning is shown once per location")
