package dev.moonlet.lib;

import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.value.Userdata;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Continuation;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Values;

/**
 * The {@code effect} library: effect handlers in the model of WebAssembly's stack-switching
 * proposal (WasmFX). A continuation is made from a function ({@code effect.new}), resumed
 * with a table of handlers keyed by effect tag ({@code effect.resume}), and runs until it
 * returns or suspends with a tag ({@code effect.suspend}); the innermost resume whose table
 * handles that tag then calls the handler with the suspended continuation. Handlers are named
 * at every resume: a continuation carries none of its own.
 *
 * <pre>{@code
 * local yield = effect.tag("yield")
 * local k = effect.new(function() for i = 3, 1, -1 do effect.suspend(yield, i) end end)
 * local function loop(k)
 *   effect.resume(k, {[yield] = function(k, i) print(i) return loop(k) end})
 * end
 * loop(k)   --> 3 2 1
 * }</pre>
 *
 * <p>Continuations and tags are userdata ({@code __name} {@code "effect.continuation"} and
 * {@code "effect.tag"}). Resuming, binding or discarding consumes a continuation: using it
 * again raises "continuation already consumed".
 */
public final class EffectLib {
    private static final String NAME = "effect";
    private static final LuaString TAG_TYPE = LuaString.of("effect.tag");
    private static final LuaString CONTINUATION_TYPE = LuaString.of("effect.continuation");
    private static final LuaString NAME_FIELD = LuaString.of("__name");
    /** The payload of {@code effect.SWITCH}. */
    private static final Object SWITCH = new Object();

    private EffectLib() {}

    /** Opens the library in {@code instance}: the global {@code effect} and {@code package.loaded.effect}. */
    public static void open(Instance instance) {
        for (LuaString type : new LuaString[] {TAG_TYPE, CONTINUATION_TYPE}) {
            LuaTable mt = new LuaTable(instance.heap());
            mt.put(NAME_FIELD, type);
            instance.registry().put(type, mt);
        }
        LuaTable lib = new LuaTable(instance.heap());
        define(instance, lib, "alive", EffectLib::alive);
        define(instance, lib, "barrier", EffectLib::barrier);
        define(instance, lib, "bind", EffectLib::bind);
        define(instance, lib, "clone", EffectLib::clone);
        define(instance, lib, "discard", EffectLib::discard);
        define(instance, lib, "new", EffectLib::create);
        define(instance, lib, "resume", EffectLib::resume);
        define(instance, lib, "resume_throw", EffectLib::resumeThrow);
        define(instance, lib, "suspend", EffectLib::suspend);
        define(instance, lib, "switch", EffectLib::switchTo);
        define(instance, lib, "tag", EffectLib::tag);
        Userdata marker = new Userdata(SWITCH);
        LuaTable mt = new LuaTable(instance.heap());
        mt.put(NAME_FIELD, LuaString.of("effect.SWITCH"));
        marker.setMetatable(mt);
        Library.set(instance, lib, "SWITCH", marker);
        Library.install(instance, NAME, lib);
    }

    private static void define(Instance instance, LuaTable lib, String name, Builtin.Body body) {
        Library.define(instance, lib, NAME, name, body);
    }

    /** A suspension to {@code tag} (named {@code name}); a switch to {@code target} when that is not null. */
    record Suspension(Object tag, LuaString name, Continuation target) implements Action.Capture.Request {
        @Override
        public String unhandled() {
            return "unhandled effect '" + name + "'";
        }

        @Override
        public String crossing() {
            return "attempt to suspend across a coroutine boundary";
        }

        @Override
        public void trace(Marker m) {
            m.mark(tag);
            m.mark(target);
        }
    }

    /** Whether {@code clause} is {@code effect.SWITCH}. */
    static boolean isSwitch(Object clause) {
        return clause instanceof Userdata && ((Userdata) clause).payload() == SWITCH;
    }

    /** {@code k} as a Lua value: an {@code effect.continuation} userdata. */
    static Userdata wrap(Instance instance, Continuation k) {
        return typed(instance, k, CONTINUATION_TYPE);
    }

    private static Userdata typed(Instance instance, Object payload, LuaString type) {
        instance.heap().charge(Heap.USERDATA_BYTES);
        Userdata u = new Userdata(payload);
        u.setMetatable((LuaTable) instance.registry().get(type));
        return u;
    }

    /** {@code effect.tag(name)}: a new effect tag, distinct from every other; {@code name} is for messages. */
    public static Object tag(Coroutine co, Object[] args) {
        return typed(co.instance(), Args.checkString(args, 0), TAG_TYPE);
    }

    /** {@code effect.new(f)}: a continuation that, when first resumed, calls {@code f} with the resume's values. */
    public static Object create(Coroutine co, Object[] args) {
        return wrap(co.instance(), Continuation.of(co.instance(), Args.checkType(args, 0, "function")));
    }

    /**
     * {@code effect.resume(k, handlers, ...)}: runs continuation {@code k} with the values
     * (the first resume calls its function with them; later ones are what its pending
     * {@code effect.suspend} returns) until it returns, giving its results, or suspends with a
     * tag that {@code handlers} (a table keyed by tag, or nil) handles: then
     * {@code handlers[tag](k2, ...)} is tail-called, its results being the resume's.
     */
    public static Object resume(Coroutine co, Object[] args) {
        Continuation k = checkLive(co, args, 0);
        LuaTable handlers = optHandlers(args, 1);
        return new EffectHandler(handlers, new Action.Splice(k, Prompt.rest(args, 2), null));
    }

    /** {@code effect.resume_throw(k, err, handlers)}: resumes {@code k} by raising {@code err} where it suspended. */
    public static Object resumeThrow(Coroutine co, Object[] args) {
        Continuation k = checkLive(co, args, 0);
        Object err = Args.checkAny(args, 1);
        LuaTable handlers = optHandlers(args, 2);
        return new EffectHandler(handlers, new Action.Splice(k, Values.NONE, new LuaError(err)));
    }

    /**
     * {@code effect.suspend(tag, ...)}: suspends the running continuation up to the innermost
     * resume that handles {@code tag}, handing the values to its handler; returns the values
     * of the resume that next runs it.
     */
    public static Object suspend(Coroutine co, Object[] args) {
        Userdata tag = checkTag(args, 0);
        return new Capturing(new Action.Capture(
                new Suspension(tag, (LuaString) tag.payload(), null), Prompt.rest(args, 1)));
    }

    /**
     * {@code effect.switch(k, tag, ...)}: suspends the running continuation up to the innermost
     * resume whose handler for {@code tag} is {@code effect.SWITCH}, and runs {@code k} there
     * instead, with the values followed by the suspended continuation; returns the values of
     * whatever next resumes (or switches to) the suspended one.
     */
    public static Object switchTo(Coroutine co, Object[] args) {
        Continuation k = checkLive(co, args, 0);
        Userdata tag = checkTag(args, 1);
        return new Capturing(new Action.Capture(
                new Suspension(tag, (LuaString) tag.payload(), k), Prompt.rest(args, 2)));
    }

    /** {@code effect.bind(k, ...)}: {@code k} with the values placed before those of its next resume; consumes {@code k}. */
    public static Object bind(Coroutine co, Object[] args) {
        Continuation k = checkLive(co, args, 0);
        return wrap(co.instance(), k.bind(Prompt.rest(args, 1)));
    }

    /** {@code effect.barrier(f, ...)}: calls {@code f(...)}, across which no suspension may pass. */
    public static Object barrier(Coroutine co, Object[] args) {
        Object f = Args.checkAny(args, 0);
        return new Barrier(new Action.Call(f, Prompt.rest(args, 1)));
    }

    /** {@code effect.alive(k)}: whether continuation {@code k} can still be resumed. */
    public static Object alive(Coroutine co, Object[] args) {
        return !check(args, 0).isConsumed();
    }

    /** {@code effect.clone(k)}: a copy of {@code k} that can be resumed as well as {@code k} (multi-shot). */
    public static Object clone(Coroutine co, Object[] args) {
        Continuation k = checkLive(co, args, 0);
        try {
            return wrap(co.instance(), k.copy());
        } catch (Continuation.CopyRefused e) {
            throw Library.error(co, e.getMessage());
        }
    }

    /**
     * {@code effect.discard(k)}: abandons {@code k}, running the {@code __close} handlers of its
     * pending to-be-closed variables; {@code true}, or {@code false} and a handler's error.
     */
    public static Object discard(Coroutine co, Object[] args) {
        return check(args, 0).discard(co.instance());
    }

    private static Continuation check(Object[] args, int i) {
        Object v = Args.arg(args, i);
        if (v instanceof Userdata && ((Userdata) v).payload() instanceof Continuation) {
            return (Continuation) ((Userdata) v).payload();
        }
        throw Args.typeError(args, i, "effect.continuation");
    }

    /** Argument {@code i} as a continuation that was not consumed. */
    private static Continuation checkLive(Coroutine co, Object[] args, int i) {
        Continuation k = check(args, i);
        if (k.isConsumed()) throw Prompt.consumed(co);
        return k;
    }

    private static Userdata checkTag(Object[] args, int i) {
        Object v = Args.arg(args, i);
        if (v instanceof Userdata && ((Userdata) v).payload() instanceof LuaString) return (Userdata) v;
        throw Args.typeError(args, i, "effect.tag");
    }

    private static LuaTable optHandlers(Object[] args, int i) {
        return Args.isNoneOrNil(args, i) ? null : Args.checkTable(args, i);
    }
}
