package dev.moonlet.vm;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaNumber;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal base and coroutine library for the VM's own tests, so that they exercise the
 * executor's contract (sequences, protected calls, message handlers, resume, yield, close)
 * without depending on the real libraries.
 */
final class TestLib {
    private TestLib() {}

    /** An instance with the test library installed; {@code print} writes to {@code out}. */
    static Instance instance(ByteArrayOutputStream out) {
        Instance in = new Instance();
        in.setOutput(out);
        LuaTable g = in.globals();
        in.loaded().put(LuaString.of("_G"), g);
        def(in, g, "print", "print", TestLib::print);
        def(in, g, "error", "error", TestLib::error);
        def(in, g, "pcall", "pcall", (co, args) -> new Protected(args, null));
        def(in, g, "xpcall", "xpcall", (co, args) -> new Protected(Arrays.copyOfRange(args, 0, args.length), args.length > 1 ? args[1] : null));
        def(in, g, "setmetatable", "setmetatable", (co, args) -> {
            ((LuaTable) args[0]).setMetatable((LuaTable) (args.length > 1 ? args[1] : null));
            return args[0];
        });
        def(in, g, "getmetatable", "getmetatable", (co, args) -> co.instance().metatableOf(args[0]));
        def(in, g, "type", "type", (co, args) -> {
            if (args.length == 0) throw new ArgumentError(1, "value expected");
            return LuaString.of(LuaType.typeName(args[0]));
        });
        def(in, g, "tostring", "tostring", (co, args) -> tostring(args[0]));
        def(in, g, "select", "select", (co, args) -> {
            if (args[0] instanceof LuaString && args[0].toString().equals("#")) return (long) args.length - 1;
            long n = (Long) args[0];
            if (n < 0) n = args.length + n;
            return n >= args.length ? Values.NONE : Arrays.copyOfRange(args, (int) n, args.length);
        });
        def(in, g, "rawequal", "rawequal", (co, args) -> Comparison.rawEquals(args[0], args[1]));
        def(in, g, "rawget", "rawget", (co, args) -> ((LuaTable) args[0]).get(args[1]));
        def(in, g, "rawlen", "rawlen", (co, args) -> {
            if (args.length > 0 && args[0] instanceof LuaTable) return ((LuaTable) args[0]).length();
            if (args.length > 0 && args[0] instanceof LuaString) return (long) ((LuaString) args[0]).length();
            throw new ArgumentError(1, "table or string expected, got "
                    + (args.length == 0 ? "no value" : LuaType.typeName(args[0])));
        });
        def(in, g, "checkint", "checkint", (co, args) -> {
            if (!(args.length > 0 && args[0] instanceof Long)) {
                throw new ArgumentError(1, "number expected, got " + (args.length == 0 ? "no value" : LuaType.typeName(args[0])));
            }
            return args[0];
        });
        def(in, g, "traceback", "traceback", (co, args) ->
                Traceback.of(co, args.length > 0 ? (LuaString) args[0] : null, args.length > 1 ? (int) (long) (Long) args[1] : 1, co.fuel()));
        def(in, g, "spin", "spin", (co, args) -> {
            co.fuel().consume((Long) args[0]);
            return Values.NONE;
        });
        def(in, g, "interrupt", "interrupt", (co, args) -> {
            co.fuel().interrupt();
            return Values.NONE;
        });
        def(in, g, "await", "await", (co, args) -> new Awaiting((java.util.concurrent.CompletableFuture<?>) ((dev.moonlet.value.Userdata) args[0]).payload()));
        def(in, g, "callf", "callf", (co, args) -> new CallThrough(args));

        LuaTable d = new LuaTable();
        g.put(LuaString.of("debug"), d);
        in.loaded().put(LuaString.of("debug"), d);
        def(in, d, "traceback", "debug.traceback", (co, args) -> {
            int i = 0;
            Coroutine target = co;
            if (args.length > 0 && args[0] instanceof Coroutine) {
                target = (Coroutine) args[0];
                i = 1;
            }
            Object msg = i < args.length ? args[i] : null;
            if (msg instanceof Long || msg instanceof Double) msg = tostring(msg);
            if (msg != null && !(msg instanceof LuaString)) return msg;
            int level = i + 1 < args.length ? (int) (long) (Long) args[i + 1] : target == co ? 1 : 0;
            return Traceback.of(target, (LuaString) msg, level, co.fuel());
        });

        LuaTable c = new LuaTable();
        g.put(LuaString.of("coroutine"), c);
        in.loaded().put(LuaString.of("coroutine"), c);
        def(in, c, "create", "coroutine.create", (co, args) -> Coroutine.create(co.instance(), args[0]));
        def(in, c, "resume", "coroutine.resume", (co, args) -> new Resuming((Coroutine) args[0],
                Arrays.copyOfRange(args, 1, args.length), false));
        def(in, c, "wrap", "coroutine.wrap", (co, args) -> {
            Coroutine target = Coroutine.create(co.instance(), args[0]);
            return Builtin.of("wrap", (co2, a2) -> new Resuming(target, a2, true));
        });
        def(in, c, "yield", "coroutine.yield", (co, args) -> new Yielding(null, args));
        def(in, c, "yieldto", "coroutine.yieldto", (co, args) -> new Yielding((Coroutine) args[0],
                Arrays.copyOfRange(args, 1, args.length)));
        def(in, c, "status", "coroutine.status", (co, args) -> {
            Coroutine t = (Coroutine) args[0];
            return LuaString.of(t == co ? "running" : t.state().luaName());
        });
        def(in, c, "running", "coroutine.running", (co, args) -> new Object[] {co, co.isMain()});
        def(in, c, "isyieldable", "coroutine.isyieldable", (co, args) -> co.isYieldable());
        def(in, c, "close", "coroutine.close", (co, args) -> ((Coroutine) args[0]).close());
        return in;
    }

    private static void def(Instance in, LuaTable t, String key, String name, Builtin.Body body) {
        t.put(in.strings().intern(key), Builtin.of(name, body));
    }

    static LuaString tostring(Object v) {
        if (v == null) return LuaString.of("nil");
        if (v instanceof LuaString) return (LuaString) v;
        if (v instanceof Long) return LuaNumber.toLuaString((Long) v);
        if (v instanceof Double) return LuaNumber.toLuaString((Double) v);
        if (v instanceof Boolean) return LuaString.of(v.toString());
        return LuaString.of(LuaType.typeName(v));
    }

    private static Object print(Coroutine co, Object[] args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) sb.append('\t');
            sb.append(new String(tostring(args[i]).rawBytes(), StandardCharsets.ISO_8859_1));
        }
        sb.append('\n');
        ((ByteArrayOutputStream) co.instance().output()).writeBytes(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        return Values.NONE;
    }

    private static Object error(Coroutine co, Object[] args) {
        Object v = args.length > 0 ? args[0] : null;
        long level = args.length > 1 ? (Long) args[1] : 1;
        if (v instanceof LuaString && level > 0) v = co.where((int) level).concat((LuaString) v);
        throw new LuaError(v);
    }

    /** pcall and xpcall. */
    private static final class Protected implements Sequence {
        private final Object[] args;
        private final Object handler;
        private boolean called;

        Protected(Object[] args, Object handler) {
            this.args = args;
            this.handler = handler;
        }

        @Override
        public Action poll(Coroutine co, Object[] results) {
            if (!called) {
                called = true;
                int skip = handler != null ? 2 : 1;
                return new Action.Call(args[0], Arrays.copyOfRange(args, Math.min(skip, args.length), args.length));
            }
            Object[] r = new Object[results.length + 1];
            r[0] = Boolean.TRUE;
            System.arraycopy(results, 0, r, 1, results.length);
            return new Action.Return(r);
        }

        @Override
        public Action error(Coroutine co, LuaError e) {
            return new Action.Return(new Object[] {Boolean.FALSE, e.value()});
        }

        @Override
        public boolean callsMayYield() {
            return true;
        }

        @Override
        public boolean catchesErrors() {
            return true;
        }

        @Override
        public Object messageHandler() {
            return handler;
        }
    }

    /** coroutine.resume (false, msg on errors) and the functions coroutine.wrap makes (rethrow). */
    private static final class Resuming implements Sequence {
        private final Coroutine target;
        private final Object[] args;
        private final boolean wrap;
        private boolean resumed;
        private Sequence closing;

        Resuming(Coroutine target, Object[] args, boolean wrap) {
            this.target = target;
            this.args = args;
            this.wrap = wrap;
        }

        @Override
        public Action poll(Coroutine co, Object[] results) {
            if (closing != null) {
                Action a = closing.poll(co, results);
                if (a instanceof Action.Return r) {
                    Object err = r.values().length > 1 ? r.values()[1] : null;
                    if (err instanceof LuaString) err = co.where(1).concat((LuaString) err);
                    throw new LuaError(err);
                }
                return a;
            }
            if (!resumed) {
                resumed = true;
                return new Action.Resume(target, args);
            }
            if (wrap) return new Action.Return(results);
            Object[] r = new Object[results.length + 1];
            r[0] = Boolean.TRUE;
            System.arraycopy(results, 0, r, 1, results.length);
            return new Action.Return(r);
        }

        @Override
        public Action error(Coroutine co, LuaError e) {
            if (closing != null) {
                Action a = closing.error(co, e);
                return a instanceof Action.Return ? poll(co, Values.NONE) : a;
            }
            if (!wrap) return new Action.Return(new Object[] {Boolean.FALSE, e.value()});
            if (target.diedWithError()) {
                closing = target.close();
                return poll(co, Values.NONE);
            }
            Object err = e.value();
            if (err instanceof LuaString) err = co.where(1).concat((LuaString) err);
            throw new LuaError(err);
        }
    }

    /** coroutine.yield and coroutine.yieldto: the resume's values become the results. */
    private static final class Yielding implements Sequence {
        private final Coroutine target;
        private final Object[] values;
        private boolean yielded;

        Yielding(Coroutine target, Object[] values) {
            this.target = target;
            this.values = values;
        }

        @Override
        public Action poll(Coroutine co, Object[] results) {
            if (!yielded) {
                yielded = true;
                return target == null ? new Action.Yield(values) : new Action.YieldTo(target, values);
            }
            return new Action.Return(results);
        }
    }

    /** await(userdata holding a CompletableFuture). */
    private static final class Awaiting implements Sequence {
        private final java.util.concurrent.CompletableFuture<?> future;
        private boolean waited;

        Awaiting(java.util.concurrent.CompletableFuture<?> future) {
            this.future = future;
        }

        @Override
        public Action poll(Coroutine co, Object[] results) {
            if (!waited) {
                waited = true;
                return new Action.Await(future);
            }
            return new Action.Return(results);
        }
    }

    /** callf(f, ...): calls f through a sequence (a Java function calling Lua) and returns its results. */
    private static final class CallThrough implements Sequence {
        private final Object[] args;
        private boolean called;

        CallThrough(Object[] args) {
            this.args = args;
        }

        @Override
        public Action poll(Coroutine co, Object[] results) {
            if (!called) {
                called = true;
                return new Action.Call(args[0], Arrays.copyOfRange(args, 1, args.length));
            }
            return new Action.Return(results);
        }
    }
}
