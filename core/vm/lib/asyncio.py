# yieldscope's asyncio: the subset of CPython 3.11's asyncio that the conformance
# programs and the examples use, running on a virtual clock. The parts live in
# _asyncio_events (exceptions, handles, current loop), _asyncio_futures (Future),
# _asyncio_tasks (Task, sleep, gather, wait) and _asyncio_loop (the event loop);
# this module adds asyncio.run() and re-exports the public names.

import _asyncio_events as events
import _asyncio_futures as futures
import _asyncio_tasks as tasks
import _asyncio_loop as base_events

from _asyncio_events import (CancelledError, InvalidStateError, TimeoutError, Handle,
                             TimerHandle, get_running_loop, get_event_loop,
                             new_event_loop, set_event_loop, _get_running_loop,
                             _set_running_loop)
from _asyncio_futures import Future, isfuture
from _asyncio_tasks import (Task, create_task, ensure_future, sleep, gather, wait,
                            current_task, all_tasks, iscoroutine, FIRST_COMPLETED,
                            FIRST_EXCEPTION, ALL_COMPLETED)
from _asyncio_loop import AbstractEventLoop, BaseEventLoop



def _cancel_all_tasks(loop):
    # Leftover tasks, oldest first, are cancelled and given the chance to clean up.
    to_cancel = tasks._live_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(tasks.gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })


class Runner:
    """What asyncio.run() uses: a loop made on first use and shut down on exit."""

    __module__ = 'asyncio.runners'

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = 'CREATED'
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._set_event_loop = False

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        if self._state != 'INITIALIZED':
            return
        loop = self._loop
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            if self._set_event_loop:
                events.set_event_loop(None)
            loop.close()
            self._loop = None
            self._state = 'CLOSED'

    def get_loop(self):
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        if not iscoroutine(coro):
            raise ValueError('a coroutine was expected, got %r' % (coro,))
        if events._get_running_loop() is not None:
            raise RuntimeError('Runner.run() cannot be called from a running event loop')
        self._lazy_init()
        task = self._loop.create_task(coro, context=context)
        return self._loop.run_until_complete(task)

    def _lazy_init(self):
        if self._state == 'CLOSED':
            raise RuntimeError('Runner is closed')
        if self._state == 'INITIALIZED':
            return
        if self._loop_factory is None:
            self._loop = events.new_event_loop()
            if not self._set_event_loop:
                events.set_event_loop(self._loop)
                self._set_event_loop = True
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        self._state = 'INITIALIZED'


def run(main, *, debug=None):
    """Runs the coroutine `main` on a new loop, then cancels what is left, closes
    the async generators still open and closes the loop."""
    if events._get_running_loop() is not None:
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    with Runner(debug=debug) as runner:
        return runner.run(main)
