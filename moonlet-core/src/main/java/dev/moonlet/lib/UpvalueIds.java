package dev.moonlet.lib;

import dev.moonlet.value.Userdata;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Closure;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Values;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * {@code debug.upvalueid}, and {@code debug.upvaluejoin}. Lua identifies an upvalue by a light
 * userdata (its address); Moonlet hands out one userdata per upvalue, the same one as long as
 * a script holds it, so that ids of shared upvalues compare equal. An object of this class is
 * the {@code debug.upvalueid} of one Lua instance, and keeps that instance's ids.
 */
final class UpvalueIds extends Builtin {
    private final Map<Object, WeakReference<Id>> ids = new WeakHashMap<>();
    private final Map<Builtin, Id[]> builtinIds = new WeakHashMap<>();

    UpvalueIds() {
        super("debug.upvalueid");
    }

    /** An upvalue's identity: what Lua shows as a light userdata (it has no user value). */
    static final class Id extends Userdata {
        private Id() {
            super(null);
        }
    }

    /**
     * {@code debug.upvalueid(f, n)}: a value that is the same for two upvalues exactly when
     * they are the same variable; nil when {@code f} has no upvalue {@code n}.
     */
    @Override
    public Object call(Coroutine co, Object[] args) {
        int n = (int) Args.checkInteger(args, 1);
        Object f = Args.checkType(args, 0, "function");
        if (f instanceof Builtin) return builtinId((Builtin) f, n);
        if (!(f instanceof Closure) || n < 1 || n > ((Closure) f).upvalueCount()) return null;
        return idOf(((Closure) f).upvalueId(n - 1));
    }

    /** The id of upvalue {@code n} of a builtin that shows upvalues (a C closure's own, never shared), or nil. */
    private Id builtinId(Builtin f, int n) {
        int count = f.upvalues().length;
        if (n < 1 || n > count) return null;
        Id[] own = builtinIds.computeIfAbsent(f, k -> new Id[count]);
        if (own[n - 1] == null) own[n - 1] = new Id();
        return own[n - 1];
    }

    /** {@code debug.upvaluejoin(f1, n1, f2, n2)}: makes upvalue {@code n1} of {@code f1} refer to upvalue {@code n2} of {@code f2}. */
    static Object upvaluejoin(Coroutine co, Object[] args) {
        int n1 = checkUpvalue(args, 0);
        int n2 = checkUpvalue(args, 2);
        ((Closure) args[0]).joinUpvalue(n1 - 1, (Closure) args[2], n2 - 1);
        co.instance().collector().barrier(((Closure) args[2]).upvalueId(n2 - 1));
        return Values.NONE;
    }

    /** The number (argument {@code f + 1}) of an existing upvalue of the closure at argument {@code f}. */
    private static int checkUpvalue(Object[] args, int f) {
        int n = (int) Args.checkInteger(args, f + 1);
        Object fn = Args.checkType(args, f, "function");
        if (!(fn instanceof Closure) || n < 1 || n > ((Closure) fn).upvalueCount()) {
            throw Args.error(f + 1, "invalid upvalue index");
        }
        return n;
    }

    private Id idOf(Object upvalue) {
        WeakReference<Id> ref = ids.get(upvalue);
        Id id = ref == null ? null : ref.get();
        if (id == null) {
            id = new Id();
            ids.put(upvalue, new WeakReference<>(id));
        }
        return id;
    }
}
