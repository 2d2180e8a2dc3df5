a = "\x8a\xa0\u2028\ttab\x00é\U0001F600"
b = "it's"
