class Pause:
    def __await__(self):
        yield "tick"


async def stubborn():
    ignored = 0
    while True:
        try:
            await Pause()
        except GeneratorExit:
            ignored += 1
            print("GeneratorExit number", ignored)
            if ignored > 1:
                print("giving up")
                raise


c = stubborn()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print("still suspended:", c.cr_suspended)
c.send(None)
c.close()
print("closed:", c.cr_frame is None)
