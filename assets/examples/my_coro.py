# A generator used as a coroutine: prime it with next(), then feed it with send().
def my_coro():
    print('My first co-routine!')
    print('Send me a value ...')
    while True:
        val = yield
        print(val)


c = my_coro()
print(c)
next(c)
c.send('spam')
c.send('eggs')

d = my_coro()
try:
    d.send('too early')
except TypeError as err:
    print('TypeError:', err)
d.send(None)
d.send('ham')
d.close()
try:
    d.send('after close')
except StopIteration:
    print('a closed coroutine accepts nothing more')
