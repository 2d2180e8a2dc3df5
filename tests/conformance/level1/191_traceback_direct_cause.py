class ConfigError(Exception):
    pass

def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError("bad number: %r" % text) from e

print(parse("12"))
print(parse("twelve"))
