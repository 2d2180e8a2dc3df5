class Service:
    async def handle(self, request, *extra, retries=3):
        attempt = 0
        result = None
        return request


async def top(x):
    y = x
    return y


for c in (top(1), Service().handle("r")):
    code = c.cr_code
    print(code.co_name, code.co_qualname, code.co_firstlineno)
    print("  varnames", code.co_varnames)
    c.close()
c = top(0)
print(top.__code__ is c.cr_code)
c.close()
