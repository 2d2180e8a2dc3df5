# yieldscope's asyncio, part 3: Task, the Future that drives a coroutine one step
# per loop callback (Task.__step sends into it or throws into it; the future the
# coroutine yields wakes the task up again), and the functions built on tasks:
# sleep, gather, wait, ensure_future, current_task, all_tasks. Ordering and
# messages follow CPython 3.11's _asyncio.Task and asyncio.tasks.

import types
import weakref
import _ystrace
import _asyncio_events as events
import _asyncio_futures as futures
from _asyncio_events import CancelledError, InvalidStateError
from _asyncio_futures import Future, isfuture, _get_loop


# --- what counts as a coroutine (asyncio.coroutines.iscoroutine) ---

async def _probe_coro():
    pass


def _probe_gen():
    yield


_c = _probe_coro()
_CoroutineType = type(_c)
_c.close()
_GeneratorType = type(_probe_gen())
del _c


def iscoroutine(obj):
    t = type(obj)
    if t is _CoroutineType or t is _GeneratorType:
        return True
    # collections.abc.Coroutine recognises any class with these four methods.
    for name in ('__await__', 'send', 'throw', 'close'):
        if getattr(t, name, None) is None:
            return False
    return True


# --- the registry of tasks: all_tasks() and current_task() ---

# Tasks are held weakly, as CPython's WeakSet does, but in creation order, so that
# asyncio.run() cancels leftovers in a reproducible order.
_all_tasks = {}
_task_count = [0]
_task_name_count = [0]      # only unnamed tasks take a number, as in CPython
_current_tasks = {}


def _register_task(task):
    _task_count[0] += 1
    _all_tasks[_task_count[0]] = weakref.ref(task)
    if len(_all_tasks) > 64 and _task_count[0] % 64 == 0:
        for key in [k for k, r in _all_tasks.items() if r() is None]:
            del _all_tasks[key]


def _enter_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not None:
        raise RuntimeError('Cannot enter into task %r while another task %r is being executed.'
                           % (task, current))
    _current_tasks[loop] = task


def _leave_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not task:
        raise RuntimeError('Leaving task %r does not match the current task %r.' % (task, current))
    del _current_tasks[loop]


def current_task(loop=None):
    if loop is None:
        loop = events.get_running_loop()
    return _current_tasks.get(loop)


def _live_tasks(loop):
    tasks = []
    for key in list(_all_tasks):
        ref = _all_tasks.get(key)
        task = ref() if ref is not None else None
        if task is None:
            _all_tasks.pop(key, None)
        elif _get_loop(task) is loop and not task.done():
            tasks.append(task)
    return tasks


def all_tasks(loop=None):
    if loop is None:
        loop = events.get_running_loop()
    return set(_live_tasks(loop))


# --- Task ---

class Task(Future):
    """A coroutine wrapped in a Future, stepped by the event loop."""

    __module__ = '_asyncio'

    _log_destroy_pending = True

    def __init__(self, coro, *, loop=None, name=None, context=None):
        super().__init__(loop=loop)
        if not iscoroutine(coro):
            self._log_destroy_pending = False
            raise TypeError('a coroutine was expected, got %r' % (coro,))
        if name is None:
            _task_name_count[0] += 1
            self._name = 'Task-%d' % _task_name_count[0]
        else:
            self._name = str(name)
        self._num_cancels_requested = 0
        self._must_cancel = False
        self._fut_waiter = None
        self._coro = coro
        self._context = context
        self._loop.call_soon(self.__step)
        _register_task(self)
        if events._TRACING:
            _ystrace.event('TaskScheduled', self, 'created ' + self._name)

    def __del__(self):
        if self._state == futures._PENDING and self._log_destroy_pending:
            self._loop.call_exception_handler({
                'task': self,
                'message': 'Task was destroyed but it is pending!',
            })
        super().__del__()

    def _repr_info(self):
        info = super()._repr_info()
        if self._num_cancels_requested > 0 and not self.done():
            info[0] = 'cancelling'
        info.insert(1, 'name=%r' % self._name)
        info.insert(2, 'coro=<%s>' % events._format_coroutine(self._coro))
        if self._fut_waiter is not None:
            info.insert(3, 'wait_for=%r' % (self._fut_waiter,))
        return info

    def get_coro(self):
        return self._coro

    def get_context(self):
        return self._context

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def get_stack(self, *, limit=None):
        frame = getattr(self._coro, 'cr_frame', None) or getattr(self._coro, 'gi_frame', None)
        return [] if frame is None else [frame]

    def cancel(self, msg=None):
        self._log_traceback = False
        if self.done():
            return False
        self._num_cancels_requested += 1
        # Cancel what the coroutine waits on: its wakeup then throws CancelledError
        # into it. With nothing to wait on, the next __step throws it.
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def _schedule_step(self, exc=None):
        if exc is None:
            self._loop.call_soon(self.__step)
        else:
            self._loop.call_soon(self.__step, exc)
        if events._TRACING:
            _ystrace.event('TaskScheduled', self, 'step of ' + self._name)

    def __step(self, exc=None):
        if self.done():
            raise InvalidStateError('_step(): already done: %r %r' % (self, exc))
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        coro = self._coro
        self._fut_waiter = None
        _enter_task(self._loop, self)
        try:
            self.__step_run_and_handle_result(coro, exc)
        finally:
            _leave_task(self._loop, self)
            self = None

    def __step_run_and_handle_result(self, coro, exc):
        outcome = None      # the exception that ended the coroutine, if any
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except BaseException as e:
            outcome = e
            # CPython's Task is written in C: the traceback starts at the coroutine,
            # not at this frame (which is its head, the frame that caught it).
            tb = e.__traceback__
            if tb is not None:
                e.__traceback__ = tb.tb_next
        exc = None
        if outcome is not None:
            # Settled outside the except block: the callbacks this schedules, and the
            # exception kept in the future, carry no extra context.
            self.__finish(outcome)
            outcome = None
            return
        self.__wait_for(result)

    def __finish(self, outcome):
        if isinstance(outcome, StopIteration):
            if self._must_cancel:
                self._must_cancel = False
                super().cancel(msg=self._cancel_message)
            else:
                super().set_result(outcome.value)
        elif isinstance(outcome, CancelledError):
            self._cancelled_exc = outcome
            super().cancel()
        else:
            super().set_exception(outcome)
            if isinstance(outcome, (KeyboardInterrupt, SystemExit)):
                raise outcome

    def __wait_for(self, result):
        # What the coroutine yielded decides when the task runs again.
        blocking = getattr(result, '_asyncio_future_blocking', None)
        if blocking is not None:
            if _get_loop(result) is not self._loop:
                self._schedule_step(RuntimeError(
                    'Task %r got Future %r attached to a different loop' % (self, result)))
            elif blocking:
                if result is self:
                    self._schedule_step(RuntimeError('Task cannot await on itself: %r' % (self,)))
                else:
                    result._asyncio_future_blocking = False
                    result.add_done_callback(self.task_wakeup)
                    self._fut_waiter = result
                    if self._must_cancel:
                        if self._fut_waiter.cancel(msg=self._cancel_message):
                            self._must_cancel = False
            else:
                self._schedule_step(RuntimeError(
                    'yield was used instead of yield from in task %r with %r' % (self, result)))
        elif result is None:
            # A bare `yield` (sleep(0)): run again at the next loop iteration.
            self._schedule_step()
        elif type(result) is _GeneratorType:
            self._schedule_step(RuntimeError(
                'yield was used instead of yield from for generator in task %r with %r'
                % (self, result)))
        else:
            self._schedule_step(RuntimeError('Task got bad yield: %r' % (result,)))

    def task_wakeup(self, future):
        # The awaited future is done: step again, throwing its exception if any.
        # Like the C Task, a plain Future's outcome is read directly (its exception
        # is thrown in as it is, not raised and caught here first).
        error = None
        if type(future) is Future or type(future) is Task:
            if future._state == futures._CANCELLED:
                error = future._make_cancelled_error()
            elif future._state == futures._FINISHED:
                future._log_traceback = False
                error = future._exception
            else:
                error = InvalidStateError('Result is not set.')
        else:
            try:
                future.result()
            except BaseException as exc:
                error = exc
        if error is None:
            self.__step()
        else:
            self.__step(error)
        self = None


# --- functions built on tasks ---

def create_task(coro, *, name=None, context=None):
    loop = events.get_running_loop()
    return loop.create_task(coro, name=name, context=context)


def ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        if loop is not None and loop is not _get_loop(coro_or_future):
            raise ValueError('The future belongs to a different loop than '
                             'the one specified as the loop argument')
        return coro_or_future
    if not iscoroutine(coro_or_future):
        if hasattr(coro_or_future, '__await__'):
            coro_or_future = _wrap_awaitable(coro_or_future)
        else:
            raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')
    if loop is None:
        loop = events._get_event_loop()
    return loop.create_task(coro_or_future)


@types.coroutine
def _wrap_awaitable(awaitable):
    return (yield from awaitable.__await__())


@types.coroutine
def __sleep0():
    # A bare yield: the task is rescheduled with call_soon() and others run first.
    yield


async def sleep(delay, result=None):
    """Coroutine that completes after `delay` seconds of the virtual clock."""
    if delay <= 0:
        await __sleep0()
        return result
    loop = events.get_running_loop()
    future = loop.create_future()
    h = loop.call_later(delay, futures._set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()


class _GatheringFuture(Future):
    """gather()'s outer future: cancelling it cancels the children instead."""

    __module__ = 'asyncio.tasks'

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        loop = events._get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()      # retrieved: no "never retrieved" report
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if nfinished == nfuts:
            results = []
            for child in children:
                if child.cancelled():
                    msg = child._cancel_message
                    res = CancelledError('' if msg is None else msg)
                else:
                    res = child.exception()
                    if res is None:
                        res = child.result()
                results.append(res)
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    arg_to_fut = {}
    children = []
    nfuts = 0
    nfinished = 0
    loop = None
    outer = None
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = _get_loop(fut)
            if fut is not arg:
                fut._log_destroy_pending = False
            nfuts += 1
            arg_to_fut[arg] = fut
            fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[arg]
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    return outer


FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError('expect a list of futures, not %s' % type(fs).__name__)
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError('Invalid return_when value: %s' % (return_when,))
    loop = events.get_running_loop()
    fs = set(fs)
    for f in fs:
        if iscoroutine(f):
            raise TypeError('Passing coroutines is forbidden, use tasks explicitly.')
    fs = {ensure_future(f, loop=loop) for f in fs}
    return await _wait(fs, timeout, return_when, loop)


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and
                (not f.cancelled() and f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending
