print("{} {}".format("a", "b"))
print("{1} {0} {1}".format("x", "y"))
print("{name}: {value:.3f}".format(name="pi", value=3.14159265))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:*^11}".format("mid"))
print("{:08.3f} {:+d} {:.0f}".format(3.14159, 5, 0.5))
print("{:,}".format(1234567))
print("{:b} {:o} {:x} {:X} {:#x}".format(10, 10, 255, 255, 255))
print("{0!r} {0!s}".format("quote"))
print("{{literal}} {}".format(1))
print("{:5}|{:<5}|{:>5}|".format(42, 42, "ab"))
print("{} {}".format([1, 2], {"k": None}))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{missing}".format()
except KeyError as e:
    print("KeyError:", e)
