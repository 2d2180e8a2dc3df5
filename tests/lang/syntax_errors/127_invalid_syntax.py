pass; pass pass
