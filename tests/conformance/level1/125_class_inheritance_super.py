class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name
        print("Animal.__init__", name)

    def speak(self):
        return "%s says %s" % (self.name, self.sound)

class Dog(Animal):
    sound = "woof"

    def __init__(self, name, tricks):
        super().__init__(name)
        self.tricks = tricks

    def speak(self):
        base = super().speak()
        return base + " and knows " + ", ".join(self.tricks)

class Puppy(Dog):
    def speak(self):
        return super().speak().upper()

d = Puppy("rex", ["sit", "roll"])
print(d.speak())
print(isinstance(d, Animal), issubclass(Puppy, Dog), issubclass(Dog, Puppy))
print(issubclass(Puppy, Animal), issubclass(Puppy, object), isinstance(d, Dog))
print(type(d).__name__, Puppy.sound, Animal.sound)
