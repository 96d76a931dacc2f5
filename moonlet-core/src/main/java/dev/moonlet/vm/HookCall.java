package dev.moonlet.vm;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;

/**
 * The executor's frame that calls the hook of a coroutine for one event of the Lua frame just
 * below it ({@code luaD_hook}): the hook gets the event name and, for line events, the new
 * line. It is hidden from call levels, so the hook's caller is the hooked function, and the
 * hook is named {@code hook '?'} from there. While it runs, no hook is called on the
 * coroutine; when it returns, the hooked frame goes back to the instruction it was about to
 * run.
 */
final class HookCall implements Sequence, Hidden {
    @Override
    public void trace(Marker m) {
        m.mark(event);
        m.mark(line);
    }

    private final LuaFrame frame;
    private final int pc;
    private final LuaString event;
    private final Object line;
    /** The first value the event transfers, as a local index of the hooked frame (0: none). */
    final int transferFrom;
    /** How many values the event transfers: the parameters of a call, the results of a return. */
    final int transferCount;
    /** The tracing phase to go on with afterwards (see {@link Hooks#trace}). */
    private final int next;
    private boolean called;

    HookCall(LuaFrame frame, int pc, LuaString event, Object line, int transferFrom, int transferCount, int next) {
        this.frame = frame;
        this.pc = pc;
        this.event = event;
        this.line = line;
        this.transferFrom = transferCount == 0 ? 0 : transferFrom;
        this.transferCount = transferCount;
        this.next = next;
    }

    @Override
    public Action poll(Coroutine co, Object[] results) {
        Hooks h = co.hooks;
        if (!called && h.function != null) {
            called = true;
            h.beginHook(co);
            return new Action.Call(h.function, new Object[] {event, line});
        }
        h.resume(frame, pc, next);
        return new Action.Return(Values.NONE);
    }

    @Override
    public Action error(Coroutine co, LuaError error) {
        co.hooks.abandon();
        throw error;
    }
}
