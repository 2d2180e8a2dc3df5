class Deck:
    def __init__(self, cards):
        self.cards = list(cards)

    def __len__(self):
        return len(self.cards)

    def __getitem__(self, i):
        return self.cards[i]

    def __contains__(self, card):
        print("__contains__ called")
        return card in self.cards

d = Deck("abcde")
print(len(d), d[0], d[-1], d[1:3])
print("c" in d, "z" not in d)
print(list(d))
for card in d:
    print(card, end=" ")
print()
print(bool(Deck([])), bool(d))
try:
    d[10]
except IndexError as e:
    print("IndexError:", e)
