text = "the quick brown fox jumps over the lazy dog"
words = text.split()
print(len(words), words[:3])
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(" ".join(sorted(set(words))))
print(" ".join(w[::-1] for w in words))
print(max(words, key=len), min(words, key=len))
caps = " ".join(w[0].upper() + w[1:] for w in words)
print(caps)
print(text.replace("the", "a").find("fox"), text.startswith("the"))
table = [("name", "qty"), ("apple", 3), ("kiwi", 12)]
for a, b in table:
    print(str(a).ljust(8) + str(b).rjust(5))
