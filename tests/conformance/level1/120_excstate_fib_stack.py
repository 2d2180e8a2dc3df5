import sys

def gen():
    try:
        1 / 0
    except ZeroDivisionError:
        yield "level1", type(sys.exc_info()[1]).__name__
        try:
            import no_such_module_here
        except ModuleNotFoundError:
            yield "level2", type(sys.exc_info()[1]).__name__
        yield "back to level1", type(sys.exc_info()[1]).__name__
    yield "clear", sys.exc_info()[0]

for step in gen():
    print(step, "| caller sees", sys.exc_info()[0])
