# yieldscope's asyncio, part 1: the exceptions, the callback handles the loop
# queues, the "current loop" bookkeeping and the repr helpers every other part uses.
# Names and messages are CPython 3.11's (asyncio.exceptions, asyncio.events,
# asyncio.format_helpers) so that reprs, tracebacks and the recorded trace read the
# same as with the real asyncio.

import _ystrace

# True only while a trace is recorded: the loop then reports LoopCallback /
# TaskScheduled / TimerFired events; otherwise no event text is ever built.
_TRACING = _ystrace.enabled()


class CancelledError(BaseException):
    """The Future or Task was cancelled."""
    __module__ = 'asyncio.exceptions'


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""
    __module__ = 'asyncio.exceptions'


try:
    TimeoutError = TimeoutError            # 3.11: asyncio.TimeoutError is the builtin
except NameError:
    class TimeoutError(Exception):
        """The operation exceeded the given deadline."""


# --- reprs of callbacks and coroutines (asyncio.format_helpers, reprlib) ---

def _short_repr(obj, level=0):
    # reprlib.repr's limits: 30 characters for str and other objects, 6 items of a
    # list or tuple, 4 of a dict, nesting shown down to 6 levels.
    if isinstance(obj, str):
        s = repr(obj[:30])
        if len(s) > 30:
            i = 13
            j = 14
            s = repr(obj[:i] + obj[len(obj) - j:])
            s = s[:i] + '...' + s[len(s) - j:]
        return s
    if type(obj) is list or type(obj) is tuple:
        if not obj:
            return repr(obj)
        if level >= 6:
            return '[...]' if type(obj) is list else '(...)'
        parts = [_short_repr(x, level + 1) for x in obj[:6]]
        if len(obj) > 6:
            parts.append('...')
        if type(obj) is list:
            return '[' + ', '.join(parts) + ']'
        if len(obj) == 1:
            return '(' + parts[0] + ',)'
        return '(' + ', '.join(parts) + ')'
    if type(obj) is dict:
        if not obj:
            return '{}'
        if level >= 6:
            return '{...}'
        parts = []
        for k in list(obj)[:4]:
            parts.append(_short_repr(k, level + 1) + ': ' + _short_repr(obj[k], level + 1))
        if len(obj) > 4:
            parts.append('...')
        return '{' + ', '.join(parts) + '}'
    s = repr(obj)
    if type(obj) is int:
        limit = 40
    else:
        limit = 30
    if len(s) > limit:
        i = (limit - 3) // 2
        j = limit - 3 - i
        s = s[:i] + '...' + s[len(s) - j:]
    return s


def _format_args(args):
    return '(' + ', '.join([_short_repr(a) for a in args]) + ')'


def _callback_name(func):
    name = getattr(func, '__qualname__', None)
    if name:
        return name
    name = getattr(func, '__name__', None)
    if name:
        return name
    return repr(func)


def _format_callback(func, args):
    return _callback_name(func) + _format_args(args)


def _format_callback_source(func, args):
    text = _format_callback(func, args)
    code = getattr(func, '__code__', None)
    # Only plain functions name their source, as inspect.isfunction decides.
    if code is not None and getattr(func, '__self__', None) is None:
        text += ' at %s:%s' % (code.co_filename, code.co_firstlineno)
    return text


def _format_coroutine(coro):
    name = getattr(coro, '__qualname__', None) or getattr(coro, '__name__', None)
    if not name:
        name = '<%s without __name__>' % type(coro).__name__
    name += '()'
    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    if not code:
        return name
    frame = getattr(coro, 'cr_frame', None) or getattr(coro, 'gi_frame', None)
    filename = code.co_filename or '<empty co_filename>'
    if frame is not None:
        return '%s running at %s:%s' % (name, filename, frame.f_lineno)
    return '%s done, defined at %s:%s' % (name, filename, code.co_firstlineno)


def _format_callbacks(callbacks):
    # Future reprs show at most the first and the last callback.
    n = len(callbacks)
    if n == 0:
        return ''
    def one(cb):
        return _format_callback_source(cb, ())
    if n == 1:
        text = one(callbacks[0])
    elif n == 2:
        text = '%s, %s' % (one(callbacks[0]), one(callbacks[1]))
    else:
        text = '%s, <%d more>, %s' % (one(callbacks[0]), n - 2, one(callbacks[-1]))
    return 'cb=[%s]' % text


# --- handles: what the loop's ready queue and timer heap hold ---

class Handle:
    """A callback queued by call_soon(): run once by the loop's _run_once()."""

    __module__ = 'asyncio.events'

    def __init__(self, callback, args, loop, context=None):
        self._context = context
        self._loop = loop
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._repr = None

    def _repr_info(self):
        info = [self.__class__.__name__]
        if self._cancelled:
            info.append('cancelled')
        if self._callback is not None:
            info.append(_format_callback_source(self._callback, self._args))
        return info

    def __repr__(self):
        if self._repr is not None:
            return self._repr
        return '<%s>' % ' '.join(self._repr_info())

    def get_context(self):
        return self._context

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            # Once cancelled the handle lets go of what it would have called.
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        # The callback runs outside any `except` block, as with the C loop, so the
        # code it resumes sees no handled exception it did not raise itself.
        error = None
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            error = exc
        if error is not None:
            cb = _format_callback_source(self._callback, self._args)
            self._loop.call_exception_handler({
                'message': 'Exception in callback ' + cb,
                'exception': error,
                'handle': self,
            })
            error = None
        self = None


class TimerHandle(Handle):
    """A callback queued by call_later()/call_at(): kept in the loop's _scheduled
    heap, ordered by _when, until the clock reaches it."""

    __module__ = 'asyncio.events'

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._scheduled = False

    def _repr_info(self):
        info = super()._repr_info()
        info.insert(2 if self._cancelled else 1, 'when=%s' % self._when)
        return info

    def __hash__(self):
        return hash(self._when)

    def __lt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when or self.__eq__(other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when or self.__eq__(other)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, TimerHandle):
            return (self._callback == other._callback and self._args == other._args and
                    self._cancelled == other._cancelled and self._when == other._when)
        return NotImplemented

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()

    def when(self):
        return self._when


# --- which loop is running, and the policy's current loop ---

class _RunningLoop:
    loop = None


_running = _RunningLoop()


def _get_running_loop():
    return _running.loop


def _set_running_loop(loop):
    _running.loop = loop


def get_running_loop():
    loop = _running.loop
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


class _Policy:
    # The default policy of one thread: the loop set_event_loop() chose, created on
    # first demand like DefaultEventLoopPolicy.get_event_loop() does.
    loop = None
    set_called = False


_policy = _Policy()
_loop_factory = None      # set by _asyncio_loop: the class new_event_loop() makes


def new_event_loop():
    return _loop_factory()


def set_event_loop(loop):
    _policy.set_called = True
    _policy.loop = loop


def get_event_loop():
    loop = _running.loop
    if loop is not None:
        return loop
    if _policy.loop is None and not _policy.set_called:
        set_event_loop(new_event_loop())
    if _policy.loop is None:
        raise RuntimeError('There is no current event loop in thread %r.' % 'MainThread')
    return _policy.loop


_get_event_loop = get_event_loop
