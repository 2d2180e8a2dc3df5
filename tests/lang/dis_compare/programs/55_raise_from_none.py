def f(d, k):
    try:
        return d[k]
    except KeyError:
        raise LookupError(k) from None
    except (IndexError, TypeError) as exc:
        raise ValueError("bad") from exc
