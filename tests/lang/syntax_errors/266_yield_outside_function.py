z = f"{yield}"
