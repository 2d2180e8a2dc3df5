print("%d items" % 5)
print("%s and %r" % ("str", "str"))
print("%f | %.2f | %.0f | %.3f" % (3.14159, 2.71828, 2.5, -0.0005))
print("%.2f %.2f %.1f" % (2.675, 1.005, 0.05))
print("%5d|%-5d|%05d" % (42, 42, 42))
print("%s" % [1, "a"])
print("%s" % (None,), "%s %s" % (True, 1.0))
print("%r %r" % (1.5, [None, "x"]))
print("%d" % 3.99, "%d" % True, "%s" % 7)
print("100%% sure, %d%%" % 50)
print("%10s|%-10s|" % ("right", "left"))
print("single value: %s" % "no tuple needed")
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s" % (1, 2))
except TypeError as e:
    print("TypeError:", e)
