package dev.moonlet.lib;

import dev.moonlet.value.Heap;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.BuiltinClosure;
import dev.moonlet.vm.Continuation;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Marker;

/**
 * The continuation a prompt's handler (or a shift's function) receives: a function that,
 * called with values, makes the captured abort return them and runs the rest of the body under
 * a reinstated prompt with the same tag and handler, returning what that prompt returns.
 *
 * <p>A {@code prompt.call} continuation is one-shot ({@code prompt.clone} copies it). A
 * {@code prompt.shift} continuation is composable and may be called any number of times:
 * each call runs a copy; when the frames cannot be copied, the first call runs the original
 * and a later call raises the reason.
 */
final class PromptContinuation extends BuiltinClosure {
    private final Continuation k;
    private final Object tag;
    private final Object handler;
    /** Why a shift continuation could not be copied, once its original has run; else null. */
    private String notCopyable;

    /**
     * The continuation {@code k} as a function, charged to {@code heap} first.
     *
     * @throws dev.moonlet.value.LuaError {@code "not enough memory"}
     */
    static PromptContinuation of(Heap heap, Continuation k, Object tag, Object handler) {
        heap.charge(Heap.closureBytes(0));
        return new PromptContinuation(k, tag, handler);
    }

    private PromptContinuation(Continuation k, Object tag, Object handler) {
        super("prompt.continuation");
        this.k = k;
        this.tag = tag;
        this.handler = handler;
    }

    @Override
    public void trace(Marker m) {
        m.mark(k);
        m.mark(tag);
        m.mark(handler);
    }

    /** Whether calling it would run the continuation. */
    boolean alive() {
        return !k.isConsumed();
    }

    /** {@code prompt.clone}: a continuation that runs a copy of this one's frames. */
    PromptContinuation copy(Heap heap) {
        return of(heap, k.copy(), tag, handler);
    }

    /** {@code prompt.discard}: see {@link Continuation#discard}. */
    Object discard(Coroutine co) {
        return k.discard(co.instance());
    }

    @Override
    public Object call(Coroutine co, Object[] args) {
        Continuation run = k;
        if (tag == Prompt.RESET) {
            if (notCopyable != null) {
                throw Library.error(co, "cannot call a shift continuation again: " + notCopyable);
            }
            try {
                run = k.copy();
            } catch (Continuation.CopyRefused e) {
                if (k.isConsumed()) throw Prompt.consumed(co);
                notCopyable = e.getMessage();
            }
        } else if (k.isConsumed()) {
            throw Prompt.consumed(co);
        }
        return new Prompt(tag, handler, new Action.Splice(run, args, null));
    }
}
