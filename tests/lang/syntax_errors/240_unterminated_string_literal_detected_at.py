print("a" "b)
