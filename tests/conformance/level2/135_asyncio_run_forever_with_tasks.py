import asyncio

loop = asyncio.new_event_loop()


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0.01)
    print("ticker stops the loop")
    asyncio.get_event_loop().stop()


async def starter():
    asyncio.create_task(ticker(3))
    print("starter returns; the task keeps going in run_forever")


loop.run_until_complete(starter())
print("run_until_complete returned")
loop.run_forever()
print("run_forever returned")
loop.close()
