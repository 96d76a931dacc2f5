package dev.moonlet.vm;

import java.util.concurrent.CompletableFuture;

/**
 * The sequence of a Java function whose result is a future's value: the calling task waits
 * for the future without holding any Java thread (the other tasks run meanwhile), then the
 * function returns the value, or raises the future's exception as a Lua error (a
 * {@link dev.moonlet.value.LuaError} as it is, any other exception as an error whose value is
 * its message). The future may complete on any thread.
 *
 * <pre>{@code
 * Builtin fetch = Builtin.of("fetch", (co, args) ->
 *         new AwaitFuture(http.sendAsync(request(args)).thenApply(r -> LuaString.of(r.body()))));
 * }</pre>
 *
 * The value must be a Lua value ({@code Lua.await} converts Java values on the way).
 */
public final class AwaitFuture implements Sequence {
    private CompletableFuture<?> future;

    /** A sequence that waits for {@code future} and returns its value. */
    public AwaitFuture(CompletableFuture<?> future) {
        this.future = future;
    }

    @Override
    public Action poll(Coroutine co, Object[] results) {
        if (future == null) return new Action.Return(results);
        Action a = new Action.Await(future);
        future = null;
        return a;
    }
}
