import gc
print(gc.get_count())
class Named:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
print(gc.get_count())
first = Named("first")
second = Named("second")
print(gc.get_count())
third = Named("third")
second = Named("second-replaced")
print(gc.get_count())
print("exiting")
