import sys
import os.path
import os.path as osp
from itertools import islice, count as cnt

def check(x):
    assert x > 0, "must be positive"
    assert x
    return sys.getrefcount(x)
