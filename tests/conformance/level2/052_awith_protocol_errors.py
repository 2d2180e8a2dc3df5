class SyncOnly:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


class NoAexit:
    async def __aenter__(self):
        return self


class BadEnter:
    def __aenter__(self):
        return 1

    async def __aexit__(self, *a):
        return False


def run(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value


async def use(obj):
    async with obj:
        print("body ran")


for obj in (SyncOnly(), NoAexit(), BadEnter(), 5):
    try:
        run(use(obj))
    except TypeError as e:
        print("TypeError:", e)


async def sync_with_on_async():
    class AsyncOnly:
        async def __aenter__(self):
            return self

        async def __aexit__(self, *a):
            return False
    with AsyncOnly():
        pass

try:
    run(sync_with_on_async())
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)
