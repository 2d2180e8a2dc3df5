def gen():
    try:
        yield "value"
    except GeneratorExit:
        print("GeneratorExit thrown in at dealloc")
    finally:
        print("gen finally")

def use_one():
    g = gen()
    v = next(g)
    print("got", v)
    return v

print("returned", use_one())
print("---")
print(next(gen()))
print("temporary generator is already closed")
