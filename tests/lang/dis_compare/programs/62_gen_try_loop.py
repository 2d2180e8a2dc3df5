def worker():
    results = []
    while True:
        try:
            job = yield len(results)
        except GeneratorExit:
            print("closed")
            return
        except Exception as e:
            results.append(e)
            continue
        finally:
            print("tick")
        if job is None:
            break
        results.append(job)
    return results
