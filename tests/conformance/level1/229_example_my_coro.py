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
c2 = my_coro()
c2.send(None)
c2.send('primed with send(None)')
c.close()
c2.close()
print('both closed')
