class Client:
    async def request(self):
        pass


def factory():
    async def nested():
        pass
    return nested


Client().request()
factory()()
print("closed or started coroutines do not warn:")
c = Client().request()
c.close()
del c
c = factory()()
try:
    c.send(None)
except StopIteration:
    pass
del c
print("end")
