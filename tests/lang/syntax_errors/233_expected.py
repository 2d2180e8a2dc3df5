def f():
    try:
        yield 1
    except GeneratorExit as e
        pass
