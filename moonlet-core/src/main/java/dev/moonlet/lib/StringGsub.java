package dev.moonlet.lib;

import dev.moonlet.value.LuaFunction;
import dev.moonlet.value.LuaNumber;
import dev.moonlet.value.LuaString;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Fuel;
import dev.moonlet.vm.Instance;
import dev.moonlet.vm.LuaType;

/**
 * {@code string.gsub(s, pattern, repl [, n])} (lstrlib's {@code str_gsub}): each match is
 * replaced by a string with {@code %0}..{@code %9}, by a table entry (through
 * {@code __index}), or by what a function returns. The searches pause when the fuel runs out,
 * and functions and {@code __index} handlers are called through the executor, so they may
 * yield.
 */
final class StringGsub extends InlineSequence {
    @Override
    public void trace(Marker m) {
        super.trace(m);
        m.mark(src);
        m.mark(repl);
    }

    private final Instance instance;
    private final LuaString src;
    private final byte[] subject;
    /** The replacement: a string (numbers converted), a table or a function. */
    private final Object repl;
    private final long max;
    private final PatternMatcher matcher;
    private final LuaBuffer out;
    /** The subject before this position is in {@link #out} (copied or replaced). */
    private int pos;
    private int lastMatch = PatternMatcher.NONE;
    private long count;
    private boolean changed;
    /** Whether the matcher has a search under way. */
    private boolean searching;
    /** Whether no more searches are to be made. */
    private boolean finished;
    /** The match whose replacement value a call is computing, while {@link #calling}. */
    private int matchStart;
    private int matchEnd;
    private boolean calling;

    private StringGsub(Instance instance, LuaString src, LuaString pattern, Object repl, long max) {
        this.instance = instance;
        this.src = src;
        this.subject = src.rawBytes();
        this.repl = repl;
        this.max = max;
        this.matcher = new PatternMatcher(src, pattern, true);
        this.out = new LuaBuffer(instance.heap(), src.length());
    }

    /** {@code string.gsub(s, pattern, repl [, n])}: the new string and the number of matches replaced. */
    static Object gsub(Coroutine co, Object[] args) {
        LuaString s = Args.checkString(args, 0);
        LuaString p = Args.checkString(args, 1);
        Object repl = Args.arg(args, 2);
        long max = Args.optInteger(args, 3, s.length() + 1L);
        if (repl instanceof Long || repl instanceof Double) {
            repl = Args.checkString(args, 2);
        } else if (!(repl instanceof LuaString || repl instanceof LuaTable || repl instanceof LuaFunction)) {
            throw Args.typeError(args, 2, "string/function/table");
        }
        return new StringGsub(co.instance(), s, p, repl, max).start(co);
    }

    @Override
    protected Action advance(Coroutine co, Object[] results) {
        if (calling) {
            calling = false;
            addValue(results.length > 0 ? results[0] : null);
        }
        Fuel fuel = co.fuel();
        while (!finished) {
            if (!searching) {
                if (count >= max) break;
                matcher.search(pos, lastMatch);
                searching = true;
            }
            int end = matcher.resume(fuel);
            if (end == PatternMatcher.SUSPENDED) return pause();
            searching = false;
            finished = matcher.anchored() || end == PatternMatcher.NO_MATCH;
            if (end >= 0) {
                Action call = replace(fuel, matcher.start(), end);
                if (call != null) return call;
            }
            if (fuel.exhausted() && !finished) return pause();
        }
        if (!changed) {
            out.discard();
            return new Action.Return(new Object[] {src, count});
        }
        copy(fuel, subject.length);
        return new Action.Return(new Object[] {out.toLuaString(), count});
    }

    /** Copies the subject up to {@code end} into the result. */
    private void copy(Fuel fuel, int end) {
        out.append(subject, pos, end - pos);
        fuel.consume((end - pos) >> 4);
        pos = end;
    }

    /** Replaces the match {@code [start, end)}: null when done, else the call that gives the value. */
    private Action replace(Fuel fuel, int start, int end) {
        copy(fuel, start);
        count++;
        pos = lastMatch = end;
        matchStart = start;
        matchEnd = end;
        int before = out.length();
        if (repl instanceof LuaString) {
            addString((LuaString) repl);
            changed = true;
        } else if (repl instanceof LuaTable) {
            Object v = Metamethods.index(instance, fuel, repl, matcher.capture(instance.heap(), 0));
            if (v instanceof Action.Call) return calling((Action.Call) v);
            addValue(v);
        } else {
            return calling(new Action.Call(repl, matcher.captures(instance.heap(), true)));
        }
        fuel.consume((out.length() - before) >> 4);
        return null;
    }

    private Action calling(Action.Call call) {
        calling = true;
        return call;
    }

    /** lstrlib's add_s: the replacement string with {@code %0}..{@code %9} and {@code %%} expanded. */
    private void addString(LuaString replacement) {
        byte[] r = replacement.rawBytes();
        int i = 0;
        while (i < r.length) {
            int esc = i;
            while (esc < r.length && r[esc] != '%') esc++;
            out.append(r, i, esc - i);
            if (esc == r.length) break;
            int c = esc + 1 < r.length ? r[esc + 1] : 0;
            if (c == '%') {
                out.append('%');
            } else if (c == '0') {
                out.append(subject, matchStart, matchEnd - matchStart);
            } else if (c >= '1' && c <= '9') {
                Object capture = matcher.capture(instance.heap(), c - '1');
                out.append(capture instanceof LuaString ? (LuaString) capture : LuaNumber.toLuaString((Long) capture));
            } else {
                throw new StringError("invalid use of '%' in replacement string");
            }
            i = esc + 2;
        }
    }

    /** lstrlib's add_value for a table or function result: false and nil keep the match. */
    private void addValue(Object v) {
        if (v == null || Boolean.FALSE.equals(v)) {
            out.append(subject, matchStart, matchEnd - matchStart);
        } else if (v instanceof LuaString) {
            out.append((LuaString) v);
            changed = true;
        } else if (v instanceof Long || v instanceof Double) {
            out.append(v instanceof Long ? LuaNumber.toLuaString((Long) v) : LuaNumber.toLuaString((Double) v));
            changed = true;
        } else {
            throw new StringError("invalid replacement value (a " + LuaType.typeName(v) + ")");
        }
    }
}
