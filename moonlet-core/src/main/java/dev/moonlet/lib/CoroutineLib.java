package dev.moonlet.lib;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.BuiltinClosure;
import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.Sequence;
import dev.moonlet.vm.Values;
import java.util.Arrays;

/**
 * The {@code coroutine} library (manual §6.2), as lcorolib.c, plus {@code coroutine.yieldto}
 * for symmetric coroutines.
 *
 * <p>Coroutines hold no Java thread: resuming and yielding are actions the executor carries
 * out ({@link Action.Resume}, {@link Action.Yield}, {@link Action.YieldTo}), so each of these
 * builtins is a {@link Sequence} that asks for the switch and returns what comes back.
 *
 * <pre>{@code
 * CoroutineLib.open(instance);   // global coroutine, package.loaded.coroutine
 * }</pre>
 * <pre>{@code
 * -- yieldto: pass control between two coroutines without returning to a scheduler
 * local ping, pong
 * ping = coroutine.create(function(n)
 *   while true do n = coroutine.yieldto(pong, n + 1) end
 * end)
 * pong = coroutine.create(function(n)
 *   while n < 10 do n = coroutine.yieldto(ping, n + 1) end
 *   return n
 * end)
 * print(coroutine.resume(ping, 0))   --> true  11 (pong returned, to ping's resumer)
 * }</pre>
 */
public final class CoroutineLib {
    private static final String NAME = "coroutine";
    /** {@code status}'s results by {@link Coroutine.State} ordinal (Lua strings are immutable: sharing is safe). */
    private static final LuaString[] STATUS_NAMES = new LuaString[Coroutine.State.values().length];

    static {
        for (Coroutine.State s : Coroutine.State.values()) STATUS_NAMES[s.ordinal()] = LuaString.of(s.luaName());
    }

    private CoroutineLib() {}

    /** Opens the library in {@code instance}: the global {@code coroutine} and {@code package.loaded.coroutine}. */
    public static void open(Instance instance) {
        LuaTable lib = new LuaTable(instance.heap());
        Library.define(instance, lib, NAME, Function.values());
        Library.install(instance, NAME, lib);
    }

    /** The functions of {@code coroutine}, each named as its constant in lower case (see {@link Library#define}). */
    private enum Function implements Builtin.Body {
        CLOSE, CREATE, ISYIELDABLE, RESUME, RUNNING, STATUS, WRAP, YIELD, YIELDTO;

        @Override
        public Object call(Coroutine co, Object[] args) {
            return switch (this) {
                case CLOSE -> CoroutineLib.close(co, args);
                case CREATE -> CoroutineLib.create(co, args);
                case ISYIELDABLE -> CoroutineLib.isyieldable(co, args);
                case RESUME -> CoroutineLib.resume(co, args);
                case RUNNING -> CoroutineLib.running(co, args);
                case STATUS -> CoroutineLib.status(co, args);
                case WRAP -> CoroutineLib.wrap(co, args);
                case YIELD -> CoroutineLib.yield(co, args);
                case YIELDTO -> CoroutineLib.yieldto(co, args);
            };
        }
    }


    /** {@code coroutine.create(f)}: a new suspended coroutine whose body is {@code f}. */
    public static Object create(Coroutine co, Object[] args) {
        return Coroutine.create(co.instance(), Args.checkType(args, 0, "function"));
    }

    /**
     * {@code coroutine.resume(co, ...)}: runs {@code co} until it yields or returns;
     * {@code true} and the values it yielded or returned, or {@code false} and its error.
     */
    public static Object resume(Coroutine co, Object[] args) {
        Coroutine target = checkCoroutine(args, 0);
        return new Resuming(target, rest(args));
    }

    /** {@code coroutine.yield(...)}: suspends the running coroutine; returns the next resume's arguments. */
    public static Object yield(Coroutine co, Object[] args) {
        return new Yielding(new Action.Yield(args));
    }

    /**
     * {@code coroutine.yieldto(co, ...)}: suspends the running coroutine and resumes the
     * suspended coroutine {@code co} with the values in its place (a symmetric transfer: the
     * running coroutine's resumer becomes {@code co}'s). Returns the values the running
     * coroutine is later resumed (or transferred to) with.
     */
    public static Object yieldto(Coroutine co, Object[] args) {
        Coroutine target = checkCoroutine(args, 0);
        return new Yielding(new Action.YieldTo(target, rest(args)));
    }

    /** {@code coroutine.status(co)}: {@code "running"}, {@code "suspended"}, {@code "normal"} or {@code "dead"}. */
    public static Object status(Coroutine co, Object[] args) {
        Coroutine target = checkCoroutine(args, 0);
        return STATUS_NAMES[(target == co ? Coroutine.State.RUNNING : target.state()).ordinal()];
    }

    /** {@code coroutine.running()}: the running coroutine, and whether it is the main one. */
    public static Object running(Coroutine co, Object[] args) {
        return new Object[] {co, co.isMain()};
    }

    /** Frames of a stack walked per unit of fuel. */
    private static final int FRAMES_PER_FUEL = 8;

    /** {@code coroutine.isyieldable([co])}: whether {@code co} (the running coroutine by default) can yield. */
    public static Object isyieldable(Coroutine co, Object[] args) {
        Coroutine target = args.length == 0 ? co : checkCoroutine(args, 0);
        co.fuel().consume(target.depth() / FRAMES_PER_FUEL);
        return target.isYieldable();
    }

    /**
     * {@code coroutine.close(co)}: closes a suspended or dead coroutine, running its pending
     * {@code __close} handlers; {@code true}, or {@code false} and the error it died with (or
     * that a handler raised).
     */
    public static Object close(Coroutine co, Object[] args) {
        Coroutine target = checkCoroutine(args, 0);
        Coroutine.State state = target == co ? Coroutine.State.RUNNING : target.state();
        if (state == Coroutine.State.RUNNING || state == Coroutine.State.NORMAL) {
            throw Library.error(co, "cannot close a " + state.luaName() + " coroutine");
        }
        return target.close();
    }

    /**
     * {@code coroutine.wrap(f)}: a function that resumes a new coroutine whose body is
     * {@code f} and returns what it yields or returns; its errors propagate, a string error
     * prefixed with the position of the function's caller.
     */
    public static Object wrap(Coroutine co, Object[] args) {
        return new Wrapped(Coroutine.create(co.instance(), Args.checkType(args, 0, "function")));
    }

    /** The arguments after the first (the coroutine), for the coroutine they go to. */
    private static Object[] rest(Object[] args) {
        if (args.length <= 1) return Values.NONE;
        Object[] rest = new Object[args.length - 1];
        Values.copy(args, 1, rest, 0, rest.length);
        return rest;
    }

    private static Coroutine checkCoroutine(Object[] args, int i) {
        Object v = Args.arg(args, i);
        return v instanceof Coroutine ? (Coroutine) v : (Coroutine) Args.checkType(args, i, "thread");
    }

    /** {@code coroutine.resume}'s sequence. */
    private static final class Resuming implements Sequence {
        @Override
        public void trace(Marker m) {
            m.mark(target);
            m.markAll(args);
        }

        private final Coroutine target;
        private final Object[] args;
        private boolean resumed;

        Resuming(Coroutine target, Object[] args) {
            this.target = target;
            this.args = args;
        }

        @Override
        public Action poll(Coroutine co, Object[] results) {
            if (!resumed) {
                resumed = true;
                return new Action.Resume(target, args);
            }
            return ProtectedCall.succeeded(results);
        }

        @Override
        public Action error(Coroutine co, LuaError error) {
            return ProtectedCall.failed(error);
        }
    }

    /** {@code coroutine.yield} and {@code coroutine.yieldto}: the values it is resumed with are its results. */
    private static final class Yielding implements Sequence {
        private Action suspend;

        Yielding(Action suspend) {
            this.suspend = suspend;
        }

        @Override
        public Action poll(Coroutine co, Object[] results) {
            if (suspend == null) return new Action.Return(results);
            Action a = suspend;
            suspend = null;
            return a;
        }

        @Override
        public void trace(Marker m) {
            if (suspend != null) m.markAction(suspend);
        }
    }

    /** The function {@code coroutine.wrap} returns: each call resumes its coroutine. */
    private static final class Wrapped extends BuiltinClosure {
        @Override
        public void trace(Marker m) {
            m.mark(target);
        }

        private final Coroutine target;

        Wrapped(Coroutine target) {
            super("coroutine.wrapped");
            this.target = target;
        }

        /** The coroutine, as lcorolib's auxwrap closure holds it. */
        @Override
        public Object[] upvalues() {
            return new Object[] {target};
        }

        @Override
        public Object call(Coroutine co, Object[] args) {
            return new WrapResuming(target, args);
        }
    }

    /**
     * A call of a wrapped coroutine: resumes it and returns what it yields or returns. When
     * the coroutine dies with an error, it is closed first (its pending {@code __close}
     * handlers run, and may replace the error), then the error is raised in the caller.
     */
    private static final class WrapResuming implements Sequence {
        @Override
        public void trace(Marker m) {
            m.mark(target);
            m.markAll(args);
            if (closing != null) closing.trace(m);
        }

        private final Coroutine target;
        private Object[] args;
        /** The closing of the dead coroutine, once it died with an error. */
        private Sequence closing;

        WrapResuming(Coroutine target, Object[] args) {
            this.target = target;
            this.args = args;
        }

        @Override
        public Action poll(Coroutine co, Object[] results) {
            if (closing != null) return closed(co, closing.poll(co, results));
            if (args != null) {
                Action resume = new Action.Resume(target, args);
                args = null;
                return resume;
            }
            return new Action.Return(results);
        }

        @Override
        public Action error(Coroutine co, LuaError error) {
            if (closing != null) return closed(co, closing.error(co, error));
            if (!target.diedWithError()) throw positioned(co, error.value());
            closing = target.close();
            return closed(co, closing.poll(co, Values.NONE));
        }

        @Override
        public Object[] abandon() {
            return closing != null ? closing.abandon() : Values.NONE;
        }

        /** Forwards the closing's action; once it is done, raises the final error. */
        private Action closed(Coroutine co, Action a) {
            if (!(a instanceof Action.Return)) return a;
            Object[] r = ((Action.Return) a).values();
            throw positioned(co, r.length > 1 ? r[1] : null);
        }

        /** The error to raise in the caller: a string gets the caller's position, as auxwrap does. */
        private static LuaError positioned(Coroutine co, Object value) {
            if (value instanceof LuaString) value = co.where(1).concat((LuaString) value);
            return new LuaError(value);
        }
    }
}
