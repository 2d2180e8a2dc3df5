async def fetch():
    print("never printed")


fetch()
print("after the bare call")
c = fetch()
print("still referenced")
del c
print("after del")
