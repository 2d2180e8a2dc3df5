class Handler:
    def __del__(self):
        try:
            {}["missing"]
        except KeyError:
            raise ValueError("secondary failure")

h = Handler()
h = None
print("end")
