def f(cms):
    for cm in cms:
        with cm as value:
            if value:
                continue
            if value is None:
                break
            print(value)
    while cms:
        with cms.pop():
            return 1
