package dev.moonlet.lib;

import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Instance;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;

/**
 * The {@code os} library (manual §6.9), as loslib.c on a POSIX system in the C locale. Local
 * time is the JVM's default time zone (which follows {@code TZ}). {@code os.execute} is off:
 * it reports that there is no shell. {@code os.exit} does not end the JVM: it throws
 * {@link OsExit} for the host.
 */
public final class OsLib {
    private static final String NAME = "os";
    /** The fields of a date table, in the order lua5.4 sets them. */
    private static final String[] DATE_FIELDS = {"year", "month", "day", "hour", "min", "sec", "yday", "wday", "isdst"};

    private OsLib() {}

    /** Opens the library in {@code instance}: the global {@code os} and {@code package.loaded.os}. */
    public static void open(Instance instance) {
        LuaTable os = new LuaTable(instance.heap());
        Library.define(instance, os, NAME, Function.values());
        Library.install(instance, NAME, os);
    }

    /** The functions of {@code os}, each named as its constant in lower case (see {@link Library#define}). */
    private enum Function implements Builtin.Body {
        CLOCK, DATE, DIFFTIME, EXECUTE, EXIT, GETENV, REMOVE, RENAME, SETLOCALE, TIME, TMPNAME;

        @Override
        public Object call(Coroutine co, Object[] args) {
            return switch (this) {
                case CLOCK -> OsLib.clock(co, args);
                case DATE -> OsLib.date(co, args);
                case DIFFTIME -> OsLib.difftime(co, args);
                case EXECUTE -> OsLib.execute(co, args);
                case EXIT -> OsLib.exit(co, args);
                case GETENV -> OsLib.getenv(co, args);
                case REMOVE -> OsLib.remove(co, args);
                case RENAME -> OsLib.rename(co, args);
                case SETLOCALE -> OsLib.setlocale(co, args);
                case TIME -> OsLib.time(co, args);
                case TMPNAME -> OsLib.tmpname(co, args);
            };
        }
    }

    /** {@code os.clock()}: the CPU time used by the program, in seconds. */
    public static Object clock(Coroutine co, Object[] args) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            if (nanos >= 0) return nanos / 1e9;
        }
        return ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
    }

    /**
     * {@code os.date([format [, time]])}: the time formatted by strftime conversions, or as a
     * table with {@code "*t"}; a format starting with {@code '!'} is in UTC.
     */
    public static Object date(Coroutine co, Object[] args) {
        byte[] format = Args.optString(args, 0, LuaString.of("%c")).rawBytes();
        long t = Args.isNoneOrNil(args, 1) ? now() : Args.checkInteger(args, 1);
        boolean utc = format.length > 0 && format[0] == '!';
        int from = utc ? 1 : 0;
        CalendarTime tm = utc ? CalendarTime.utc(t) : CalendarTime.local(t, ZoneId.systemDefault());
        if (tm == null) throw Library.error(co, "date result cannot be represented in this installation");
        if (isTableFormat(format, from)) return toTable(co.instance(), tm, new LuaTable(co.instance().heap(), 0, 9));
        co.fuel().consume(format.length / 8 + 1);
        LuaBuffer out = new LuaBuffer(co.instance().heap(), format.length + 16);
        Strftime.format(format, from, tm, out);
        return out.toLuaString();
    }

    /** Whether the format (from {@code from}) is {@code "*t"}, compared as C's strcmp does. */
    private static boolean isTableFormat(byte[] format, int from) {
        return format.length - from >= 2 && format[from] == '*' && format[from + 1] == 't'
                && (format.length - from == 2 || format[from + 2] == 0);
    }

    /** Sets the fields of a date table from {@code tm} ({@code setallfields}); answers the table. */
    private static LuaTable toTable(Instance instance, CalendarTime tm, LuaTable t) {
        Object[] values = dateValues(tm);
        for (int i = 0; i < values.length; i++) Library.set(instance, t, DATE_FIELDS[i], values[i]);
        return t;
    }

    /** The values of the {@link #DATE_FIELDS} for {@code tm}. */
    private static Object[] dateValues(CalendarTime tm) {
        return new Object[] {tm.year(), (long) tm.month(), (long) tm.day(), (long) tm.hour(), (long) tm.min(),
            (long) tm.sec(), (long) tm.yday(), (long) tm.wday(), tm.isdst()};
    }

    /**
     * {@code os.time([table])}: the current time, or the time of a date table, whose fields
     * may be out of range: they are normalised and written back to the table (with
     * {@code __index} and {@code __newindex}, as lua5.4 reads and writes them).
     */
    public static Object time(Coroutine co, Object[] args) {
        if (Args.isNoneOrNil(args, 0)) return now();
        return new DateTable(co.instance(), Args.checkTable(args, 0)).start(co);
    }

    /** {@code os.time} of a table: reads the fields, normalises, writes them back. */
    private static final class DateTable extends MetaSequence {
        @Override
        public void trace(Marker m) {
            super.trace(m);
            m.mark(table);
            m.markAll(results);
        }

        /** The fields os.time reads, their defaults (-1: required) and their offsets from C's. */
        private static final String[] READ = {"year", "month", "day", "hour", "min", "sec"};
        private static final int[] DEFAULTS = {-1, -1, -1, 12, 0, 0};
        private static final int[] DELTAS = {1900, 1, 0, 0, 0, 0};
        private static final int READING = 0, CHECKING = 1, WRITING = 2;
        private static final int V = 0;
        private final LuaTable table;
        private final int[] fields = new int[READ.length + 1];
        /** The normalised values to write back, for the {@link #DATE_FIELDS}. */
        private Object[] results;
        private int state = READING;
        private int k;
        private long time;

        DateTable(Instance instance, LuaTable table) {
            super(instance, 1);
            this.table = table;
        }

        @Override
        Action advance(Coroutine co) {
            Action a;
            for (;;) {
                switch (state) {
                    case READING -> {
                        state = CHECKING;
                        String key = k < READ.length ? READ[k] : "isdst";
                        if ((a = get(table, instance.strings().intern(key), V)) != null) return a;
                    }
                    case CHECKING -> {
                        Object v = reg[V];
                        fields[k] = k < READ.length ? dateField(co, READ[k], v, DEFAULTS[k], DELTAS[k])
                                : v == null ? -1 : Boolean.FALSE.equals(v) ? 0 : 1;
                        state = ++k < fields.length ? READING : WRITING;
                        if (state == WRITING) normalise(co);
                    }
                    default -> { // WRITING
                        if (k == results.length) return done(time);
                        Object v = results[k];
                        if ((a = set(table, instance.strings().intern(DATE_FIELDS[k++]), v)) != null) return a;
                    }
                }
            }
        }

        /** mktime: computes the time and the normalised fields to write back. */
        private void normalise(Coroutine co) {
            ZoneId zone = ZoneId.systemDefault();
            time = CalendarTime.toTime(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], zone);
            CalendarTime tm = CalendarTime.local(time, zone);
            if (tm == null || time == -1) throw Library.error(co, "time result cannot be represented in this installation");
            results = dateValues(tm);
            k = 0;
        }
    }

    /**
     * The value {@code v} of a date table field as C's {@code int} minus {@code delta}
     * (loslib's getfield): {@code def} when absent (an error if {@code def} is negative).
     */
    private static int dateField(Coroutine co, String key, Object v, int def, int delta) {
        Long res = Args.toInteger(v);
        if (res == null) {
            if (v != null) throw Library.error(co, "field '" + key + "' is not an integer");
            if (def < 0) throw Library.error(co, "field '" + key + "' missing in date table");
            return def;
        }
        if (res >= 0 ? res - delta > Integer.MAX_VALUE : res < (long) Integer.MIN_VALUE + delta) {
            throw Library.error(co, "field '" + key + "' is out-of-bound");
        }
        return (int) (res - delta);
    }

    /** {@code os.difftime(t2, t1)}: {@code t2 - t1} in seconds, as a float. */
    public static Object difftime(Coroutine co, Object[] args) {
        long t2 = Args.checkInteger(args, 0);
        long t1 = Args.checkInteger(args, 1);
        return (double) t2 - (double) t1;
    }

    /**
     * {@code os.execute([command])}: off in Moonlet, which never starts processes for a
     * script: there is no shell ({@code false}), and a command fails as where C's
     * {@code system} is not supported.
     */
    public static Object execute(Coroutine co, Object[] args) {
        if (Args.isNoneOrNil(args, 0)) return false;
        Args.checkString(args, 0);
        return new Object[] {null, LuaString.of("'execute' not supported"), -1L};
    }

    /**
     * {@code os.exit([code [, close]])}: throws {@link OsExit} with the status ({@code true}
     * is 0, {@code false} 1, an integer itself, default 0).
     */
    public static Object exit(Coroutine co, Object[] args) {
        Object code = Args.arg(args, 0);
        int status = code instanceof Boolean b ? (b ? 0 : 1) : (int) Args.optInteger(args, 0, 0);
        throw new OsExit(status, Args.toBoolean(args, 1));
    }

    /** {@code os.getenv(name)}: the value of an environment variable, or fail. */
    public static Object getenv(Coroutine co, Object[] args) {
        String value = System.getenv(Args.checkString(args, 0).toString());
        return value == null ? null : LuaString.of(value);
    }

    /** {@code os.remove(filename)}: deletes a file or an empty directory; true, or fail, message, errno. */
    public static Object remove(Coroutine co, Object[] args) {
        LuaString name = Args.checkString(args, 0);
        try {
            Files.delete(Path.of(name.toString()));
            return true;
        } catch (IOException | RuntimeException e) {
            return SystemError.of(e).result(name);
        }
    }

    /** {@code os.rename(old, new)}: renames a file or directory; true, or fail, message, errno. */
    public static Object rename(Coroutine co, Object[] args) {
        LuaString from = Args.checkString(args, 0);
        LuaString to = Args.checkString(args, 1);
        try {
            Files.move(Path.of(from.toString()), Path.of(to.toString()), StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | RuntimeException e) {
            return SystemError.of(e).result(null);
        }
    }

    /**
     * {@code os.setlocale([locale [, category]])}: only the C locale exists: querying or
     * asking for {@code "C"}, {@code "POSIX"} or the default {@code ""} answers {@code "C"};
     * any other locale fails.
     */
    public static Object setlocale(Coroutine co, Object[] args) {
        LuaString locale = Args.optString(args, 0, null);
        Args.checkOption(args, 1, "all", "all", "collate", "ctype", "monetary", "numeric", "time");
        if (locale == null) return LuaString.of("C");
        String name = locale.toString();
        return name.isEmpty() || name.equals("C") || name.equals("POSIX") ? LuaString.of("C") : null;
    }

    /** {@code os.tmpname()}: the name of a new empty temporary file. */
    public static Object tmpname(Coroutine co, Object[] args) {
        try {
            return LuaString.of(Files.createTempFile("lua_", "").toString());
        } catch (IOException | RuntimeException e) {
            throw Library.error(co, "unable to generate a unique filename");
        }
    }

    /** The current time in seconds since the epoch ({@code time(NULL)}). */
    private static long now() {
        return Math.floorDiv(System.currentTimeMillis(), 1000);
    }
}
