class Card:
    order = "23456789TJQKA"

    def __init__(self, rank):
        self.rank = rank

    def __eq__(self, other):
        return isinstance(other, Card) and self.rank == other.rank

    def __lt__(self, other):
        return self.order.index(self.rank) < self.order.index(other.rank)

    def __hash__(self):
        return self.order.index(self.rank)

    def __repr__(self):
        return "Card(%s)" % self.rank

hand = [Card("K"), Card("3"), Card("A"), Card("T")]
print(sorted(hand))
print(max(hand), min(hand))
print(Card("K") == Card("K"), Card("K") != Card("Q"), Card("K") == "K")
print(Card("2") < Card("3"), Card("A") > Card("K"))
print(len({Card("K"), Card("K"), Card("Q")}))
print(Card("K") in hand, hand.index(Card("A")))
print(hash(Card("4")))
