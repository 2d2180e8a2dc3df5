class Counter:
    instances = 0

    def __init__(self):
        Counter.instances += 1
        self.__private = 1

    def __len__(self):
        return self.__private

    def __eq__(self, other):
        return isinstance(other, Counter)

    __hash__ = None
