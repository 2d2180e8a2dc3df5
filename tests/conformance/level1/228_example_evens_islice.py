from itertools import islice

def evens():
    i = 0
    while True:
        yield i
        i += 2

take = lambda n, gen: list(islice(gen(), 0, n))
print(take(10, evens))
print(take(3, evens))
my_list = [x**2 for x in range(10)]
print(my_list)
my_gen = (x**2 for x in range(10))
print(my_gen)
for i in my_gen:
    print(i)
