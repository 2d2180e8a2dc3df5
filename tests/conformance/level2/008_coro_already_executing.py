async def selfish():
    print("running; sending to myself")
    me.send(None)

me = selfish()
try:
    me.send(None)
except ValueError as e:
    print("ValueError:", e)
print("frame is None:", me.cr_frame is None)

async def closer():
    me2.close()

me2 = closer()
try:
    me2.send(None)
except ValueError as e:
    print("ValueError:", e)
