class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, key):
        super().__init__("missing %r" % (key,))
        self.key = key

class Custom(Exception):
    def __str__(self):
        return "custom str"

for exc in [AppError("plain"), NotFound("k"), Custom(1, 2), AppError()]:
    try:
        raise exc
    except AppError as e:
        print("AppError branch:", type(e).__name__, e.args, str(e))
    except Exception as e:
        print("Exception branch:", type(e).__name__, e.args, str(e), repr(e))
print(NotFound("q").key, issubclass(NotFound, Exception))
try:
    raise NotFound
except TypeError as e:
    print("TypeError:", e)
