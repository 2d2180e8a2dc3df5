s = 'single "double" inside'
d = "double 'single' inside"
t = """triple
quoted"""
e = "tab\there\nnewline \\ backslash \x41 \u00e9"
print(s)
print(d)
print(t)
print(e)
print(repr(s), repr(d), repr(t))
print(repr(e))
print(repr("both ' and \""))
print(len(e), len("\n"), len(r"\n"))
print(r"raw \n stays")
print('it''s' " adjacent " 'concat')
print(repr(""), repr("\0"), repr("\x7f"))
