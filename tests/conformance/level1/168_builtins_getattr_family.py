class Conf:
    debug = False

    def __init__(self):
        self.level = 3

c = Conf()
print(getattr(c, "level"), getattr(c, "debug"), getattr(c, "nothing", None))
setattr(c, "level", 5)
setattr(c, "new_attr", "new")
print(c.level, c.new_attr, hasattr(c, "new_attr"))
print(hasattr(Conf, "level"), hasattr(Conf, "debug"))
for name in ["level", "debug", "nope"]:
    print(name, hasattr(c, name))
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
print(getattr([], "append").__name__)
print(getattr(5, "bit_length")())
