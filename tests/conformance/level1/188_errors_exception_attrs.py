try:
    raise ValueError("msg", 2)
except ValueError as e:
    err = e
print(err.args, str(err), repr(err))
print(err.__traceback__ is not None, err.__context__, err.__cause__)
print(type(err.__traceback__).__name__)
e2 = KeyError("k").with_traceback(None)
print(repr(e2), e2.__traceback__)
print(str(KeyError("k")), str(KeyError()), str(ValueError()), repr(ValueError()))
print(isinstance(err, Exception), isinstance(err, BaseException))
print(issubclass(ValueError, Exception), issubclass(Exception, BaseException))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(RecursionError, RuntimeError))
print(issubclass(UnboundLocalError, NameError), issubclass(NotImplementedError, RuntimeError))
print(issubclass(KeyboardInterrupt, Exception), issubclass(StopAsyncIteration, Exception))
print(issubclass(OverflowError, ArithmeticError), issubclass(MemoryError, Exception))
