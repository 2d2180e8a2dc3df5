class Resource:
    def __del__(self):
        print("Resource.__del__ after the traceback")

r = Resource()
print("about to fail")
raise ValueError("uncaught at top level")
