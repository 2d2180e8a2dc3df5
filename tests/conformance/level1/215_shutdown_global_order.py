class Named:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

first = Named("first")
second = Named("second")
third = Named("third")
second = Named("second-replaced")
print("exiting")
