package dev.moonlet.lib;

import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaString;
import dev.moonlet.vm.BuiltinClosure;
import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Values;

/**
 * {@code string.find}, {@code string.match} and the iterators of {@code string.gmatch}: one
 * search of a {@link PatternMatcher}, pausing when the fuel runs out (lstrlib's
 * {@code str_find_aux} and {@code gmatch_aux}).
 */
final class StringSearch extends InlineSequence {
    @Override
    public void trace(Marker m) {
        super.trace(m);
        m.mark(iterator);
    }

    private final PatternMatcher matcher;
    /** find: positions, then the captures; match and gmatch: the captures or the whole match. */
    private final boolean find;
    /** The gmatch iterator this search is a call of, else null. */
    private final GmatchIterator iterator;

    private StringSearch(PatternMatcher matcher, boolean find, GmatchIterator iterator) {
        this.matcher = matcher;
        this.find = find;
        this.iterator = iterator;
    }

    /** {@code string.find(s, pattern [, init [, plain]])}. */
    static Object find(Coroutine co, Object[] args) {
        return search(co, args, true);
    }

    /** {@code string.match(s, pattern [, init])}. */
    static Object match(Coroutine co, Object[] args) {
        return search(co, args, false);
    }

    private static Object search(Coroutine co, Object[] args, boolean find) {
        LuaString s = Args.checkString(args, 0);
        LuaString p = Args.checkString(args, 1);
        long init = StringLib.startPosition(Args.optInteger(args, 2, 1), s.length()) - 1;
        if (init > s.length()) return null; // starts after the end: cannot find anything
        boolean plain = find && (Args.toBoolean(args, 3) || PatternMatcher.hasNoSpecials(p));
        PatternMatcher m = plain ? PatternMatcher.plain(s, p) : new PatternMatcher(s, p, true);
        m.search((int) init, PatternMatcher.NONE);
        return new StringSearch(m, find, null).start(co);
    }

    /** {@code string.gmatch(s, pattern [, init])}: an iterator over the matches. */
    static Object gmatch(Coroutine co, Object[] args) {
        LuaString s = Args.checkString(args, 0);
        LuaString p = Args.checkString(args, 1);
        long init = StringLib.startPosition(Args.optInteger(args, 2, 1), s.length()) - 1;
        co.instance().heap().charge(Heap.closureBytes(GmatchIterator.UPVALUES));
        return new GmatchIterator(s, p, (int) Math.min(init, s.length() + 1L));
    }

    @Override
    protected Action advance(Coroutine co, Object[] results) {
        int end = matcher.resume(co.fuel());
        if (end == PatternMatcher.SUSPENDED) return pause();
        Heap heap = co.instance().heap();
        if (iterator != null) return iterator.found(heap, matcher, end);
        if (end == PatternMatcher.NO_MATCH) return new Action.Return(new Object[] {null});
        if (!find) return new Action.Return(matcher.captures(heap, true));
        Object[] captures = matcher.captures(heap, false);
        Object[] r = new Object[captures.length + 2];
        r[0] = (long) matcher.start() + 1;
        r[1] = (long) end;
        System.arraycopy(captures, 0, r, 2, captures.length);
        return new Action.Return(r);
    }

    /**
     * The function {@code string.gmatch} returns: each call searches from where the last
     * match ended, skipping an empty match there (lstrlib's GMatchState). A {@code '^'} in the
     * pattern is an ordinary character.
     */
    private static final class GmatchIterator extends BuiltinClosure {
        /** What the iterator holds, counted as the upvalues of a closure (lstrlib's GMatchState has 3). */
        static final int UPVALUES = 3;

        @Override
        public void trace(Marker m) {
            m.mark(subject);
            m.mark(pattern);
        }

        private final LuaString subject;
        private final LuaString pattern;
        private int src;
        private int lastMatch = PatternMatcher.NONE;
        /** A matcher no call is using, kept for the next call. */
        private PatternMatcher idle;

        GmatchIterator(LuaString subject, LuaString pattern, int init) {
            super("string.gmatch.iterator");
            this.subject = subject;
            this.pattern = pattern;
            this.src = init;
        }

        /** The subject and the pattern, as lstrlib's gmatch closure holds them. */
        @Override
        public Object[] upvalues() {
            return new Object[] {subject, pattern};
        }

        @Override
        public Object call(Coroutine co, Object[] args) {
            // A call may pause; a call made meanwhile (from another coroutine) gets its own matcher.
            PatternMatcher m = idle != null ? idle : new PatternMatcher(subject, pattern, false);
            idle = null;
            m.search(src, lastMatch);
            return new StringSearch(m, false, this).start(co);
        }

        /** The end of a call that ended its search with {@code end}. */
        Action found(Heap heap, PatternMatcher m, int end) {
            idle = m;
            if (end == PatternMatcher.NO_MATCH) return new Action.Return(Values.NONE);
            src = lastMatch = end;
            return new Action.Return(m.captures(heap, true));
        }
    }
}
