def g():
    yield 1
  yield 2
