package dev.moonlet.lib;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Comparison;
import dev.moonlet.vm.Continuation;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Sequence;
import java.util.Arrays;

/**
 * The frame of a prompt: {@code prompt.call} running its body, {@code prompt.reset}, or a
 * prompt reinstated by calling a continuation. It returns what the body (or the continuation)
 * returns, and catches the aborts to its tag: those cut the frames above it out as a
 * continuation, and then
 * <ul>
 *   <li>for {@code prompt.call}, the prompt is gone and the handler is tail-called with the
 *       continuation and the abort's values: its results are the prompt's;</li>
 *   <li>for {@code prompt.reset}, the function given to {@code prompt.shift} is called with a
 *       composable continuation, under this same prompt (as in the textbook definition,
 *       {@code reset(E[shift(f)]) = reset(f(k))} with {@code k(v) = reset(E[v])}).</li>
 * </ul>
 */
final class Prompt extends Delimiting {
    /** The tag of {@code prompt.reset}'s prompts, which no Lua value equals. */
    static final Object RESET = new Object();

    private final Object tag;
    /** {@code prompt.call}'s handler; null for {@code prompt.reset}. */
    private final Object handler;

    /** A prompt for {@code tag} with {@code handler} (null: a reset) that begins with {@code start}. */
    Prompt(Object tag, Object handler, Action start) {
        super(start);
        this.tag = tag;
        this.handler = handler;
    }

    /**
     * An abort to the innermost prompt for {@code tag} (made by {@code prompt.abort}, or by
     * {@code prompt.shift} with the tag {@link #RESET}); {@code instance} names tags in messages.
     */
    record Abort(Instance instance, Object tag) implements Action.Capture.Request {
        @Override
        public void trace(Marker m) {
            m.mark(tag);
        }

        @Override
        public String unhandled() {
            return tag == RESET ? "prompt.shift outside prompt.reset" : "no prompt for tag " + describe();
        }

        @Override
        public String crossing() {
            return tag == RESET ? "attempt to shift across a coroutine boundary"
                    : "attempt to abort across a coroutine boundary";
        }

        /** The tag as {@code tostring} shows it when it has no metamethod to call, quoted. */
        private String describe() {
            Object text = ToString.of(instance, tag);
            return "'" + (text instanceof LuaString ? text : Args.objectTypeName(tag) + ": " + ToString.address(tag)) + "'";
        }
    }

    @Override
    public Verdict delimits(Action.Capture.Request request) {
        return request instanceof Abort && Comparison.rawEquals(((Abort) request).tag(), tag)
                ? Verdict.CATCH : Verdict.PASS;
    }

    @Override
    public Action captured(Coroutine co, Continuation k, Action.Capture.Request request, Object[] values) {
        if (tag == RESET) {
            // values is {f}, from prompt.shift(f): f runs under this prompt.
            return new Action.Call(values[0], new Object[] {PromptContinuation.of(co.instance().heap(), k, tag, null)});
        }
        Object[] args = new Object[values.length + 1];
        args[0] = PromptContinuation.of(co.instance().heap(), k, tag, handler);
        System.arraycopy(values, 0, args, 1, values.length);
        return new Action.TailCall(handler, args);
    }

    @Override
    public Sequence copy() {
        return new Prompt(tag, handler, start());
    }

    @Override
    public void trace(Marker m) {
        super.trace(m);
        m.mark(tag);
        m.mark(handler);
    }

    /** "continuation already consumed", at the position of the caller of the running builtin. */
    static LuaError consumed(Coroutine co) {
        return Library.error(co, "continuation already consumed");
    }

    /** {@code values} with {@code first} in front. */
    static Object[] prepend(Object first, Object[] values) {
        Object[] r = new Object[values.length + 1];
        r[0] = first;
        System.arraycopy(values, 0, r, 1, values.length);
        return r;
    }

    /** Arguments {@code from} on. */
    static Object[] rest(Object[] args, int from) {
        return from >= args.length ? new Object[0] : Arrays.copyOfRange(args, from, args.length);
    }
}
