package dev.moonlet.lib;

import dev.moonlet.value.LuaError;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Continuation;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Sequence;

/**
 * The frame of {@code effect.barrier(f, ...)}: calls {@code f} and returns its results; no
 * effect suspension may cross it (one that tries fails with "barrier hit by suspension" where
 * it was made). Prompt aborts pass through.
 */
final class Barrier extends Delimiting {
    Barrier(Action start) {
        super(start);
    }

    @Override
    public Verdict delimits(Action.Capture.Request request) {
        return request instanceof EffectLib.Suspension ? Verdict.BLOCK : Verdict.PASS;
    }

    @Override
    public LuaError blocked(Coroutine co, Action.Capture.Request request) {
        return Library.error(co, "barrier hit by suspension");
    }

    @Override
    public Action captured(Coroutine co, Continuation k, Action.Capture.Request request, Object[] values) {
        throw new IllegalStateException("a barrier catches nothing");
    }

    @Override
    public Sequence copy() {
        return new Barrier(start());
    }
}
