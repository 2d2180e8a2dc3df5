async def pending():
    pass


keep = pending()
print("exiting with an unawaited coroutine in a global")
