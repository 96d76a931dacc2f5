package dev.moonlet.vm;

/**
 * The executor's frame that runs one pending finalizer on the running coroutine at a safe
 * point (between frames), as lua 5.4 runs finalizers during allocation steps. It is hidden
 * from call levels and tracebacks; its frame sits above the interrupted frame's registers and
 * takes nothing from it, so the interrupted code goes on unaware once it returns.
 */
final class FinalizerCall extends RunFinalizers implements Hidden {
    private final Collector collector;

    FinalizerCall(Collector collector, Finalizers finalizers) {
        super(finalizers, 1, null);
        this.collector = collector;
    }

    @Override
    Action done() {
        collector.finalizerDone(this);
        return new Action.Return(Values.NONE);
    }
}
