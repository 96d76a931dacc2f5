package dev.moonlet.lib;

import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Continuation;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Instance;

/**
 * The {@code prompt} library: delimited continuations, as Guile's {@code call-with-prompt} and
 * Urn's {@code call/p}, plus textbook {@code shift}/{@code reset}. Built on
 * {@link dev.moonlet.vm.Continuation}: an abort cuts the frames up to the prompt out of the
 * running coroutine, and calling the continuation splices them back.
 *
 * <pre>{@code
 * print(prompt.call("t",
 *   function() return 1 + prompt.abort("t", 10, 20, 30) end,
 *   function(k, a, b, c) print(a, b, c) return k(100) end))   --> 10 20 30, then 101
 * print(2 * prompt.reset(function()
 *   return 1 + prompt.shift(function(k) return k(5) end)
 * end))                                                         --> 12
 * }</pre>
 */
public final class PromptLib {
    private static final String NAME = "prompt";

    private PromptLib() {}

    /** Opens the library in {@code instance}: the global {@code prompt} and {@code package.loaded.prompt}. */
    public static void open(Instance instance) {
        LuaTable lib = new LuaTable(instance.heap());
        define(instance, lib, "abort", PromptLib::abort);
        define(instance, lib, "alive", PromptLib::alive);
        define(instance, lib, "call", PromptLib::call);
        define(instance, lib, "clone", PromptLib::clone);
        define(instance, lib, "discard", PromptLib::discard);
        define(instance, lib, "reset", PromptLib::reset);
        define(instance, lib, "shift", PromptLib::shift);
        Library.install(instance, NAME, lib);
    }

    private static void define(Instance instance, LuaTable lib, String name, Builtin.Body body) {
        Library.define(instance, lib, NAME, name, body);
    }

    /**
     * {@code prompt.call(tag, body, handler, ...)}: runs {@code body(...)} under a prompt for
     * {@code tag} (any value but nil) and returns its results; an abort to {@code tag} below
     * returns instead what {@code handler(k, ...)} returns.
     */
    public static Object call(Coroutine co, Object[] args) {
        Object tag = Args.checkAny(args, 0);
        if (tag == null) throw Args.error(0, "tag expected, got nil");
        Object body = Args.checkAny(args, 1);
        Object handler = Args.checkAny(args, 2);
        return new Prompt(tag, handler, new Action.Call(body, Prompt.rest(args, 3)));
    }

    /**
     * {@code prompt.abort(tag, ...)}: captures the frames up to the innermost prompt for
     * {@code tag} as a continuation and hands it and the values to that prompt's handler;
     * returns the values the continuation is later called with.
     */
    public static Object abort(Coroutine co, Object[] args) {
        Object tag = Args.checkAny(args, 0);
        return new Capturing(new Action.Capture(new Prompt.Abort(co.instance(), tag), Prompt.rest(args, 1)));
    }

    /** {@code prompt.reset(f)}: calls {@code f} under a prompt for {@code prompt.shift}. */
    public static Object reset(Coroutine co, Object[] args) {
        Object f = Args.checkAny(args, 0);
        return new Prompt(Prompt.RESET, null, new Action.Call(f, Prompt.rest(args, 1)));
    }

    /**
     * {@code prompt.shift(f)}: captures the frames up to the innermost {@code prompt.reset} as
     * a composable continuation {@code k} and calls {@code f(k)} in their place, under that
     * reset; {@code k(v)} runs them again (as often as wanted) with {@code shift} returning
     * {@code v}, and returns what the reset would have returned.
     */
    public static Object shift(Coroutine co, Object[] args) {
        Object f = Args.checkAny(args, 0);
        return new Capturing(new Action.Capture(new Prompt.Abort(co.instance(), Prompt.RESET), new Object[] {f}));
    }

    /** {@code prompt.alive(k)}: whether calling continuation {@code k} would run it. */
    public static Object alive(Coroutine co, Object[] args) {
        return check(args, 0).alive();
    }

    /**
     * {@code prompt.clone(k)}: a copy of continuation {@code k} that can be called as well as
     * {@code k} (multi-shot); an error names a frame whose state cannot be copied.
     */
    public static Object clone(Coroutine co, Object[] args) {
        PromptContinuation k = check(args, 0);
        try {
            return k.copy(co.instance().heap());
        } catch (Continuation.CopyRefused e) {
            throw Library.error(co, e.getMessage());
        }
    }

    /**
     * {@code prompt.discard(k)}: abandons continuation {@code k}, running the {@code __close}
     * handlers of its pending to-be-closed variables; {@code true}, or {@code false} and the
     * error a handler raised.
     */
    public static Object discard(Coroutine co, Object[] args) {
        return check(args, 0).discard(co);
    }

    private static PromptContinuation check(Object[] args, int i) {
        Object v = Args.arg(args, i);
        if (!(v instanceof PromptContinuation)) throw Args.typeError(args, i, "continuation");
        return (PromptContinuation) v;
    }
}
