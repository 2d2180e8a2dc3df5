def risky():
    try:
        raise ValueError("original")
    finally:
        cleanup()

def cleanup():
    raise RuntimeError("cleanup failed")

risky()
