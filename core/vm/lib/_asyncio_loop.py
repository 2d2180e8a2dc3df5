# yieldscope's asyncio, part 4: the event loop. One iteration (_run_once) moves the
# timers that are due from the _scheduled heap to the _ready queue, then runs every
# handle that was ready when the iteration began, in order, as CPython 3.11's
# BaseEventLoop does. Instead of waiting in select(), an idle loop jumps the virtual
# clock (_ysclock) to the first timer: sleeping costs no real time.

import sys
import weakref
import _ysclock
import _ystrace
import _asyncio_events as events
import _asyncio_futures as futures
import _asyncio_tasks as tasks

_MIN_SCHEDULED_TIMER_HANDLES = 100
_MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5
MAXIMUM_SELECT_TIMEOUT = 24 * 3600
_INFINITY = float('inf')


# --- the timer heap: the algorithm of the heapq module, so that timers due at the
# same moment come out in the same order as in CPython ---

def _sift_down(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _sift_up(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _sift_down(heap, startpos, pos)


def _heappush(heap, item):
    heap.append(item)
    _sift_down(heap, 0, len(heap) - 1)


def _heappop(heap):
    last = heap.pop()
    if heap:
        first = heap[0]
        heap[0] = last
        _sift_up(heap, 0)
        return first
    return last


def _heapify(heap):
    for i in reversed(range(len(heap) // 2)):
        _sift_up(heap, i)


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    futures._get_loop(fut).stop()


class AbstractEventLoop:
    __module__ = 'asyncio.events'


class BaseEventLoop(AbstractEventLoop):
    __module__ = 'asyncio.base_events'

    def __init__(self):
        self._timer_cancelled_count = 0
        self._closed = False
        self._stopping = False
        self._ready = []
        self._scheduled = []
        self._default_executor = None
        self._thread_id = None
        self._clock_resolution = 1e-09
        self._exception_handler = None
        self._debug = False
        self._current_handle = None
        self._task_factory = None
        self._coroutine_origin_tracking_enabled = False
        self._coroutine_origin_tracking_saved_depth = None
        # The async generators first iterated under this loop, held weakly, in the
        # order they started (shutdown_asyncgens closes them in that order).
        self._asyncgens = {}
        self._asyncgens_shutdown_called = False
        self._executor_shutdown_called = False

    def __repr__(self):
        return '<%s running=%s closed=%s debug=%s>' % (
            self.__class__.__name__, self.is_running(), self.is_closed(), self.get_debug())

    # --- futures and tasks

    def create_future(self):
        return futures.Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        if self._task_factory is None:
            return tasks.Task(coro, loop=self, name=name, context=context)
        task = self._task_factory(self, coro)
        if name is not None:
            task.set_name(name)
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # --- running and stopping

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_running(self):
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if events._get_running_loop() is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')

    def run_forever(self):
        self._check_closed()
        self._check_running()
        old_agen_hooks = sys.get_asyncgen_hooks()
        try:
            self._thread_id = 1
            sys.set_asyncgen_hooks(firstiter=self._asyncgen_firstiter_hook,
                                   finalizer=self._asyncgen_finalizer_hook)
            events._set_running_loop(self)
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._thread_id = None
            events._set_running_loop(None)
            sys.set_asyncgen_hooks(*old_agen_hooks)

    def run_until_complete(self, future):
        self._check_closed()
        self._check_running()
        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        if new_task:
            # The caller cannot see this task: no "destroyed but pending" report.
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        self._stopping = True

    def close(self):
        if self.is_running():
            raise RuntimeError('Cannot close a running event loop')
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()
        self._executor_shutdown_called = True

    def is_closed(self):
        return self._closed

    def is_running(self):
        return self._thread_id is not None

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = bool(enabled)

    def time(self):
        """The virtual clock: advanced only when the loop has nothing ready."""
        return _ysclock.now()

    # --- scheduling callbacks

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        handle = events.Handle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        # One thread only: the same as call_soon (there is no selector to wake).
        self._check_closed()
        handle = events.Handle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError('when cannot be None')
        self._check_closed()
        timer = events.TimerHandle(when, callback, args, self, context)
        _heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            self._timer_cancelled_count += 1

    # --- one iteration

    def _drop_cancelled_timers(self):
        count = len(self._scheduled)
        if (count > _MIN_SCHEDULED_TIMER_HANDLES and
                self._timer_cancelled_count / count > _MIN_CANCELLED_TIMER_HANDLES_FRACTION):
            # Many cancelled timers: rebuild the heap without them.
            kept = []
            for handle in self._scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                else:
                    kept.append(handle)
            _heapify(kept)
            self._scheduled = kept
            self._timer_cancelled_count = 0
        else:
            while self._scheduled and self._scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = _heappop(self._scheduled)
                handle._scheduled = False

    def _select(self, timeout, deadline):
        # Where the real loop blocks in select(), the virtual clock jumps to the
        # deadline (the first timer's _when, exactly, so that timers due together
        # fire together).
        if timeout is None or deadline == _INFINITY:
            raise RuntimeError('yieldscope: the event loop would wait forever '
                               '(nothing is ready and no timer will ever be due)')
        if timeout <= 0:
            return
        # The real loop wakes up idle at least once a day (MAXIMUM_SELECT_TIMEOUT);
        # nothing runs then, so the virtual clock goes straight to the deadline.
        _ysclock.advance_to(deadline)

    def _run_once(self):
        self._drop_cancelled_timers()
        timeout = None
        deadline = None
        if self._ready or self._stopping:
            timeout = 0
        elif self._scheduled:
            deadline = self._scheduled[0]._when
            timeout = min(max(0, deadline - self.time()), MAXIMUM_SELECT_TIMEOUT)
        self._select(timeout, deadline)

        now = self.time()
        end_time = now + self._clock_resolution
        while self._scheduled:
            handle = self._scheduled[0]
            # `when <= now` too: far from 0 the resolution is lost in rounding.
            if handle._when >= end_time and handle._when > now:
                break
            handle = _heappop(self._scheduled)
            handle._scheduled = False
            self._ready.append(handle)
            if events._TRACING:
                _ystrace.event('TimerFired', handle, 't=%s' % handle._when)

        # Only what was ready when the iteration began runs now; callbacks queued
        # meanwhile wait for the next iteration.
        ntodo = len(self._ready)
        for i in range(ntodo):
            handle = self._ready.pop(0)
            if handle._cancelled:
                continue
            if events._TRACING:
                _ystrace.event('LoopCallback', handle, _describe_handle, handle)
            handle._run()
        handle = None

    # --- errors

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError('A callable object or None is expected, got %r' % (handler,))
        self._exception_handler = handler

    def default_exception_handler(self, context):
        message = context.get('message') or 'Unhandled exception in event loop'
        lines = [message]
        for key in sorted(context):
            if key in ('message', 'exception'):
                continue
            lines.append('%s: %r' % (key, context[key]))
        text = '\n'.join(lines)
        exception = context.get('exception')
        if exception is not None:
            text += '\n' + _ystrace.format_exception(exception).rstrip('\n')
        sys.stderr.write(text + '\n')

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                sys.stderr.write('Exception in default exception handler\n')
        else:
            try:
                self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                sys.stderr.write('Unhandled error in exception handler\n')

    # --- async generators: the hooks run_forever installs

    def _asyncgen_firstiter_hook(self, agen):
        self._asyncgens.pop(id(agen), None)
        self._asyncgens[id(agen)] = weakref.ref(agen)

    def _asyncgen_finalizer_hook(self, agen):
        # A started async generator is being collected: close it on the loop, since
        # its finally blocks may await.
        self._asyncgens.pop(id(agen), None)
        if not self.is_closed():
            self.call_soon_threadsafe(self.create_task, agen.aclose())

    async def shutdown_asyncgens(self):
        self._asyncgens_shutdown_called = True
        closing_agens = []
        for ref in self._asyncgens.values():
            agen = ref()
            if agen is not None:
                closing_agens.append(agen)
        self._asyncgens.clear()
        if not closing_agens:
            return
        results = await tasks.gather(*[ag.aclose() for ag in closing_agens],
                                     return_exceptions=True)
        for result, agen in zip(results, closing_agens):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    'message': 'an error occurred during closing of asynchronous generator %r' % (agen,),
                    'exception': result,
                    'asyncgen': agen,
                })

    async def shutdown_default_executor(self):
        self._executor_shutdown_called = True


class _UnixSelectorEventLoop(BaseEventLoop):
    """The class of the loop new_event_loop() makes on Linux."""
    __module__ = 'asyncio.unix_events'


def _describe_handle(handle):
    # The text of a LoopCallback event: a task's step names its coroutine. Built
    # from names and attributes only: calling a Python __repr__ here would add
    # frames of its own to the trace.
    callback = handle._callback
    owner = getattr(callback, '__self__', None)
    if isinstance(owner, tasks.Task):
        return '%s(%s())' % (events._callback_name(callback),
                             getattr(owner._coro, '__qualname__', owner._name))
    return '%s(%s)' % (events._callback_name(callback),
                       ', '.join([_describe_arg(a) for a in handle._args]))


def _describe_arg(arg):
    if arg is None or type(arg) in (int, float, bool):
        return repr(arg)
    if type(arg) is str:
        return events._short_repr(arg)
    if isinstance(arg, tasks.Task):
        return '<Task %s name=%r>' % (arg._state.lower(), arg._name)
    if isinstance(arg, futures.Future):
        return '<%s %s>' % (type(arg).__name__, arg._state.lower())
    return '<%s>' % type(arg).__name__


events._loop_factory = _UnixSelectorEventLoop
