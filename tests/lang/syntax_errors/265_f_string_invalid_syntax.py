z = f"{'a' if x else 'b'}"
z = f"{x:=3}"
z = f"{(x:=3)}"
z = f"{lambda x: 1}"
