def turnstile():
    state = "locked"
    while True:
        event = yield state
        if state == "locked" and event == "coin":
            state = "unlocked"
        elif state == "unlocked" and event == "push":
            state = "locked"
        elif event == "kick":
            print("ouch")

t = turnstile()
print(next(t))
for ev in ["push", "coin", "coin", "push", "kick", "push"]:
    print(ev, "=>", t.send(ev))
