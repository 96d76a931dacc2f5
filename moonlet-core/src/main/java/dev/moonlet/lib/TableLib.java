package dev.moonlet.lib;

import dev.moonlet.value.LuaNumber;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.LuaType;
import dev.moonlet.vm.MetaEvent;
import dev.moonlet.vm.Values;

/**
 * The {@code table} library (manual §6.6), as ltablib.c: elements are read and written with
 * {@code __index} and {@code __newindex} and lengths taken with {@code __len}, and values
 * that are not tables work when their metatable has the metamethods a function needs.
 *
 * <p>Each function that may call a metamethod or loop over many elements is a
 * {@link MetaSequence}: its metamethod calls are calls the executor makes, and it charges
 * fuel per element and stops when the fuel is spent. Plain tables (no {@code __index},
 * {@code __newindex} nor {@code __len}) take direct paths in the common short cases:
 * {@code insert} and {@code remove} at the end, and {@code unpack}.
 */
public final class TableLib {
    private static final String NAME = "table";
    /** What a value that is not a table must support to stand for one (ltablib's TAB_*). */
    private static final int READ = 1, WRITE = 2, LENGTH = 4;
    /** Elements copied per unit of fuel by the direct paths. */
    private static final int ELEMENTS_PER_FUEL = 8;

    private TableLib() {}

    /** Opens the library in {@code instance}: the global {@code table} and {@code package.loaded.table}. */
    public static void open(Instance instance) {
        LuaTable table = new LuaTable(instance.heap());
        Library.define(instance, table, NAME, Function.values());
        Library.install(instance, NAME, table);
    }

    /** The functions of {@code table}, each named as its constant in lower case (see {@link Library#define}). */
    private enum Function implements Builtin.Body {
        CONCAT, INSERT, MOVE, PACK, REMOVE, SORT, UNPACK;

        @Override
        public Object call(Coroutine co, Object[] args) {
            return switch (this) {
                case CONCAT -> TableLib.concat(co, args);
                case INSERT -> TableLib.insert(co, args);
                case MOVE -> TableLib.move(co, args);
                case PACK -> TableLib.pack(co, args);
                case REMOVE -> TableLib.remove(co, args);
                case SORT -> TableLib.sort(co, args);
                case UNPACK -> TableLib.unpack(co, args);
            };
        }
    }

    /**
     * Checks that argument {@code i} is a table, or has a metatable with the metamethods
     * {@code what} asks for ({@link #READ}, {@link #WRITE}, {@link #LENGTH}).
     */
    private static void checkTable(Instance instance, Object[] args, int i, int what) {
        Object v = Args.arg(args, i);
        if (v instanceof LuaTable) return;
        LuaTable mt = instance.metatableOf(v);
        if (mt != null && ((what & READ) == 0 || mt.get(MetaEvent.INDEX.key) != null)
                && ((what & WRITE) == 0 || mt.get(MetaEvent.NEWINDEX.key) != null)
                && ((what & LENGTH) == 0 || mt.get(MetaEvent.LEN.key) != null)) {
            return;
        }
        throw Args.typeError(args, i, "table");
    }

    /** {@code v} if it is a table whose elements and length raw accesses give, else null. */
    private static LuaTable plain(Object v) {
        if (!(v instanceof LuaTable t)) return null;
        LuaTable mt = t.metatable();
        boolean raw = mt == null || MetaEvent.INDEX.in(mt) == null && MetaEvent.NEWINDEX.in(mt) == null
                && MetaEvent.LEN.in(mt) == null;
        return raw ? t : null;
    }

    /** {@code table.insert(list, [pos,] value)}: inserts at pos (default: the end), shifting up. */
    public static Object insert(Coroutine co, Object[] args) {
        checkTable(co.instance(), args, 0, READ | WRITE | LENGTH);
        LuaTable t = plain(args[0]);
        if (t != null && args.length == 2) {
            t.put(t.length() + 1, args[1]);
            return Values.NONE;
        }
        return new Insert(co.instance(), args).start(co);
    }

    /** {@code table.remove(list [, pos])}: removes and answers {@code list[pos]} (default: the last), shifting down. */
    public static Object remove(Coroutine co, Object[] args) {
        checkTable(co.instance(), args, 0, READ | WRITE | LENGTH);
        LuaTable t = plain(args[0]);
        if (t != null && args.length == 1) {
            long size = t.length();
            Object last = t.get(size);
            t.put(size, null);
            return last;
        }
        return new Remove(co.instance(), args).start(co);
    }

    /**
     * {@code table.move(a1, f, e, t [, a2])}: {@code a2[t..] = a1[f..e]}, in an order that
     * works when the ranges overlap; answers a2 (default a1).
     */
    public static Object move(Coroutine co, Object[] args) {
        long f = Args.checkInteger(args, 1);
        long e = Args.checkInteger(args, 2);
        long t = Args.checkInteger(args, 3);
        int destination = Args.isNoneOrNil(args, 4) ? 0 : 4;
        checkTable(co.instance(), args, 0, READ);
        checkTable(co.instance(), args, destination, WRITE);
        if (e < f) return args[destination];
        if (!(f > 0 || e < Long.MAX_VALUE + f)) throw Args.error(2, "too many elements to move");
        long n = e - f + 1;
        if (t > Long.MAX_VALUE - n + 1) throw Args.error(3, "destination wrap around");
        return new Move(co.instance(), args[0], args[destination], f, t, n, destination != 0).start(co);
    }

    /** {@code table.concat(list [, sep [, i [, j]]])}: {@code list[i]..sep..list[i+1]..sep..list[j]}. */
    public static Object concat(Coroutine co, Object[] args) {
        checkTable(co.instance(), args, 0, READ | LENGTH);
        return new Concat(co.instance(), args).start(co);
    }

    /** {@code table.pack(...)}: a table of the arguments, with their number in field {@code n}. */
    public static Object pack(Coroutine co, Object[] args) {
        LuaTable t = new LuaTable(co.instance().heap(), args.length, 1);
        for (int i = 0; i < args.length; i++) t.put(i + 1, args[i]);
        Library.set(co.instance(), t, "n", (long) args.length);
        co.fuel().consume(args.length / ELEMENTS_PER_FUEL);
        return t;
    }

    /** {@code table.unpack(list [, i [, j]])}: {@code list[i], ..., list[j]} (j defaults to {@code #list}). */
    public static Object unpack(Coroutine co, Object[] args) {
        LuaTable t = plain(Args.arg(args, 0));
        if (t == null) return new Unpack(co.instance(), args).start(co);
        long i = Args.optInteger(args, 1, 1);
        long e = Args.isNoneOrNil(args, 2) ? t.length() : Args.checkInteger(args, 2);
        if (i > e) return Values.NONE;
        Object[] results = new Object[unpackCount(co, i, e)];
        for (int k = 0; k < results.length; k++) results[k] = t.get(i + k);
        co.fuel().consume(results.length / ELEMENTS_PER_FUEL);
        return results;
    }

    /** The number of values {@code unpack} answers for {@code [i, e]}, {@code i <= e}. */
    private static int unpackCount(Coroutine co, long i, long e) {
        long n = e - i; // the number of values minus 1, as unsigned
        if (Long.compareUnsigned(n, Library.MAX_RESULTS - 1) >= 0) throw Library.error(co, "too many results to unpack");
        return (int) n + 1;
    }

    /**
     * {@code table.sort(list [, comp])}: sorts {@code list[1..#list]} in place by
     * {@code comp} (default: {@code <}), with ltablib's quicksort; see {@link TableSort}.
     */
    public static Object sort(Coroutine co, Object[] args) {
        checkTable(co.instance(), args, 0, READ | WRITE | LENGTH);
        return new TableSort(co.instance(), args).start(co);
    }

    /** {@code table.insert} when it may call metamethods or shift many elements. */
    private static final class Insert extends TableSequence {
        private static final int LEN = 0, CHECK = 1, SHIFT = 2, MOVED = 3, STORE = 4, DONE = 5;
        private static final int N = 0, V = 1;
        private int state = LEN;
        private long pos, i;

        Insert(Instance instance, Object[] args) {
            super(instance, 2, args);
        }

        @Override
        Action advance(Coroutine co) {
            Action a;
            for (;;) {
                switch (state) {
                    case LEN -> {
                        state = CHECK;
                        if ((a = length(t, N)) != null) return a;
                    }
                    case CHECK -> {
                        long e = lengthOf(co, N) + 1; // the first empty slot (wraps around as C does)
                        i = e;
                        if (args.length == 2) {
                            pos = e;
                        } else if (args.length == 3) {
                            pos = Args.checkInteger(args, 1);
                            // 1 <= pos <= e, compared as unsigned
                            if (Long.compareUnsigned(pos - 1, e) >= 0) throw Args.error(1, "position out of bounds");
                        } else {
                            throw Library.error(co, "wrong number of arguments to 'insert'");
                        }
                        state = SHIFT;
                    }
                    case SHIFT -> { // t[i] = t[i - 1] for i = e down to pos + 1
                        if (i <= pos) {
                            state = STORE;
                            continue;
                        }
                        state = MOVED;
                        if ((a = get(t, i - 1, V)) != null) return a;
                    }
                    case MOVED -> {
                        state = SHIFT;
                        if ((a = set(t, i--, reg[V])) != null) return a;
                        if ((a = tick(co)) != null) return a;
                    }
                    case STORE -> {
                        state = DONE;
                        if ((a = set(t, pos, args[args.length - 1])) != null) return a;
                    }
                    default -> {
                        return done();
                    }
                }
            }
        }
    }

    /** {@code table.remove} when it may call metamethods or shift many elements. */
    private static final class Remove extends TableSequence {
        private static final int LEN = 0, CHECK = 1, SHIFT = 2, MOVED = 3, CLEAR = 4, DONE = 5;
        private static final int N = 0, RESULT = 1, V = 2;
        private int state = LEN;
        private long pos, size;

        Remove(Instance instance, Object[] args) {
            super(instance, 3, args);
        }

        @Override
        Action advance(Coroutine co) {
            Action a;
            for (;;) {
                switch (state) {
                    case LEN -> {
                        state = CHECK;
                        if ((a = length(t, N)) != null) return a;
                    }
                    case CHECK -> {
                        size = lengthOf(co, N);
                        pos = Args.optInteger(args, 1, size);
                        // when given, 1 <= pos <= size + 1, compared as unsigned
                        if (pos != size && Long.compareUnsigned(pos - 1, size) > 0) {
                            throw Args.error(1, "position out of bounds");
                        }
                        state = SHIFT;
                        if ((a = get(t, pos, RESULT)) != null) return a;
                    }
                    case SHIFT -> { // t[pos] = t[pos + 1] up to size
                        if (pos >= size) {
                            state = CLEAR;
                            continue;
                        }
                        state = MOVED;
                        if ((a = get(t, pos + 1, V)) != null) return a;
                    }
                    case MOVED -> {
                        state = SHIFT;
                        if ((a = set(t, pos++, reg[V])) != null) return a;
                        if ((a = tick(co)) != null) return a;
                    }
                    case CLEAR -> {
                        state = DONE;
                        if ((a = set(t, pos, null)) != null) return a;
                    }
                    default -> {
                        return done(reg[RESULT]);
                    }
                }
            }
        }
    }

    /** {@code table.move}: copies n elements, forward or backward, element by element. */
    private static final class Move extends MetaSequence {
        @Override
        public void trace(Marker m) {
            super.trace(m);
            m.mark(source);
            m.mark(destination);
        }

        private static final int DIRECTION = 0, ORDER = 1, COPY = 2, COPIED = 3, DONE = 4;
        private static final int SAME = 0, V = 1;
        private final Object source, destination;
        private final long f, t, n;
        private final boolean separate;
        private int state = DIRECTION;
        /** Elements copied so far. */
        private long k;
        private boolean backward;

        Move(Instance instance, Object source, Object destination, long f, long t, long n, boolean separate) {
            super(instance, 2);
            this.source = source;
            this.destination = destination;
            this.f = f;
            this.t = t;
            this.n = n;
            this.separate = separate;
        }

        @Override
        Action advance(Coroutine co) {
            Action a;
            for (;;) {
                switch (state) {
                    case DIRECTION -> {
                        // Backward only when the destination overlaps the source from above.
                        boolean overlapping = t > f && t <= f + n - 1;
                        state = ORDER;
                        reg[SAME] = overlapping && !separate;
                        if (overlapping && separate && (a = equal(source, destination, SAME)) != null) return a;
                    }
                    case ORDER -> {
                        backward = isTrue(SAME);
                        state = COPY;
                    }
                    case COPY -> {
                        if (k == n) {
                            state = DONE;
                            continue;
                        }
                        state = COPIED;
                        if ((a = get(source, f + offset(), V)) != null) return a;
                    }
                    case COPIED -> {
                        state = COPY;
                        long to = t + offset();
                        k++;
                        if ((a = set(destination, to, reg[V])) != null) return a;
                        if ((a = tick(co)) != null) return a;
                    }
                    default -> {
                        return done(destination);
                    }
                }
            }
        }

        /** The offset from f and t of the k-th element copied. */
        private long offset() {
            return backward ? n - 1 - k : k;
        }
    }

    /** {@code table.concat}: reads the elements one by one into a buffer. */
    private static final class Concat extends TableSequence {
        @Override
        public void trace(Marker m) {
            super.trace(m);
            m.mark(separator);
        }

        private static final int LEN = 0, CHECK = 1, FIELD = 2, ADD = 3, DONE = 4;
        private static final int N = 0, V = 1;
        private int state = LEN;
        private LuaString separator;
        private long i, last;
        private LuaBuffer buffer;

        Concat(Instance instance, Object[] args) {
            super(instance, 2, args);
        }

        @Override
        Action advance(Coroutine co) {
            Action a;
            for (;;) {
                switch (state) {
                    case LEN -> {
                        state = CHECK;
                        if ((a = length(t, N)) != null) return a;
                    }
                    case CHECK -> {
                        last = lengthOf(co, N);
                        separator = Args.optString(args, 1, LuaString.EMPTY);
                        i = Args.optInteger(args, 2, 1);
                        last = Args.optInteger(args, 3, last);
                        buffer = new LuaBuffer(co.instance().heap(), 16);
                        state = FIELD;
                    }
                    case FIELD -> {
                        if (i > last) {
                            state = DONE;
                            continue;
                        }
                        state = ADD;
                        if ((a = get(t, i, V)) != null) return a;
                    }
                    case ADD -> {
                        addField(co);
                        state = FIELD;
                        if (i++ == last) state = DONE; // also ends at i == maxinteger
                        else buffer.append(separator);
                        if ((a = tick(co)) != null) return a;
                    }
                    default -> {
                        return done(buffer.toLuaString());
                    }
                }
            }
        }

        /** Appends {@code reg[V]}, which must be a string or a number. */
        private void addField(Coroutine co) {
            Object v = reg[V];
            LuaString s = v instanceof LuaString str ? str
                    : v instanceof Long l ? LuaNumber.toLuaString(l)
                    : v instanceof Double d ? LuaNumber.toLuaString(d) : null;
            if (s == null) {
                throw Library.error(co, "invalid value (" + LuaType.typeName(v) + ") at index " + i
                        + " in table for 'concat'");
            }
            co.fuel().consume((s.length() + separator.length()) / 16);
            buffer.append(s);
        }
    }

    /** {@code table.unpack} of a value with metamethods: reads list[i..j] into the results. */
    private static final class Unpack extends TableSequence {
        @Override
        public void trace(Marker m) {
            super.trace(m);
            m.markAll(results);
        }

        private static final int START = 0, BOUNDS = 1, FIELD = 2, STORED = 3;
        private static final int N = 0, V = 1;
        private int state = START;
        private long i;
        private Object[] results;
        private int k;

        Unpack(Instance instance, Object[] args) {
            super(instance, 2, args);
        }

        @Override
        Action advance(Coroutine co) {
            Action a;
            for (;;) {
                switch (state) {
                    case START -> {
                        i = Args.optInteger(args, 1, 1);
                        state = BOUNDS;
                        if (Args.isNoneOrNil(args, 2)) {
                            if ((a = length(t, N)) != null) return a;
                        } else {
                            reg[N] = Args.checkInteger(args, 2);
                        }
                    }
                    case BOUNDS -> {
                        long e = Args.isNoneOrNil(args, 2) ? lengthOf(co, N) : (Long) reg[N];
                        if (i > e) return done();
                        results = new Object[unpackCount(co, i, e)];
                        state = FIELD;
                    }
                    case FIELD -> {
                        if (k == results.length) return done(results);
                        state = STORED;
                        if ((a = get(t, i + k, V)) != null) return a;
                    }
                    default -> {
                        results[k++] = reg[V];
                        state = FIELD;
                        if ((a = tick(co)) != null) return a;
                    }
                }
            }
        }
    }
}
