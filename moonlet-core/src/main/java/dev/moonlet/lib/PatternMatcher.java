package dev.moonlet.lib;

import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Fuel;
import java.util.Arrays;

/**
 * Lua's pattern matching (manual §6.4.1), as lstrlib.c does it, run as a resumable machine.
 *
 * <p>lstrlib's {@code match} is a recursive backtracking function. Here each of its pending
 * calls is a frame on an explicit stack of choice points, so a match holds no Java stack,
 * charges fuel as it goes, and can stop when the fuel runs out and later continue exactly where
 * it was. The machine follows lstrlib step by step, so the results, the lazy order of errors
 * (a malformed item is only reported when the match reaches it) and the depth limit
 * ({@code pattern too complex} past 200 nested calls) are PUC-Rio Lua's.
 *
 * <p>A matcher searches one subject for one pattern. {@link #search} sets up a search over
 * the start positions from a given one to the end of the subject (only the first one when the
 * pattern is anchored with {@code '^'}); {@link #resume} runs it within the fuel it is given.
 * A plain matcher ({@link #plain}) finds its pattern as literal bytes, with the same protocol.
 *
 * <pre>{@code
 * PatternMatcher m = new PatternMatcher(subject, pattern, true);
 * m.search(0, PatternMatcher.NONE);
 * int end = m.resume(fuel);        // SUSPENDED: call resume again with more fuel
 * if (end >= 0) use(m.start(), end, m.captures(true));
 * }</pre>
 */
final class PatternMatcher {
    /** {@link #resume}'s answer when the search is over without a match. */
    static final int NO_MATCH = -1;
    /** {@link #resume}'s answer when the fuel ran out first: resume again to go on. */
    static final int SUSPENDED = -2;
    /** A {@code lastMatch} for {@link #search} that no match end equals. */
    static final int NONE = -1;

    /** LUA_MAXCAPTURES. */
    private static final int MAX_CAPTURES = 32;
    /** MAXCCALLS: how many calls of lstrlib's {@code match} may be active at once. */
    private static final int MAX_CALLS = 200;
    private static final int CAP_UNFINISHED = -1;
    private static final int CAP_POSITION = -2;
    private static final int ESC = '%';
    private static final int[] NONE_YET = {};
    /** The ints per choice point in {@link #frames}: kind, s, p, ep and a number. */
    private static final int FRAME = 5;

    // What the machine does on its next step.
    /** Begin an attempt at start position {@link #next}. */
    private static final int START = 0;
    /** Match pattern item {@link #p} at subject position {@link #s}. */
    private static final int MATCH = 1;
    /** Count the repetitions of item p (ending at {@link #itemEnd}) from {@link #expandFrom}. */
    private static final int EXPAND = 2;
    /** Scan for the end of a {@code %b} item at {@link #scan}. */
    private static final int BALANCE = 3;
    /** The running call failed: the latest choice point decides what comes next. */
    private static final int BACKTRACK = 4;
    /** The search is over; {@link #result} holds its answer. */
    private static final int DONE = 5;

    // Kinds of choice points: a pending call of lstrlib's match waiting for its sub-call.
    /** start_capture: on failure, forget the capture. */
    private static final int OPEN = 0;
    /** end_capture: on failure, the capture (the frame's number) is unfinished again. */
    private static final int CLOSE = 1;
    /** max_expand: on failure, try again with one repetition fewer (the number: repetitions left). */
    private static final int MAX = 2;
    /** min_expand: on failure, try again with one repetition more. */
    private static final int MIN = 3;
    /** The '?' suffix: on failure, go on without the item. */
    private static final int OPTIONAL = 4;

    private final LuaString subject;
    private final byte[] src;
    private final int srcEnd;
    private final byte[] pat;
    private final int pStart;
    private final int pEnd;
    private final boolean anchored;
    private final boolean plain;

    /** The captures: start and length (or CAP_) of each, grown as they open. */
    private int[] captures = NONE_YET;
    private int level;

    // The machine's registers.
    private int state = DONE;
    private int s;
    private int p;
    private int itemEnd;
    private int itemCost;
    private int expandFrom;
    private int count;
    private int scan;
    private int nesting;

    /** The choice points, innermost last, {@link #FRAME} ints each; grown as they are pushed. */
    private int[] frames = NONE_YET;
    private int depth;

    // The search.
    private int next;
    private int last;
    private int lastMatch;
    private int start;
    private int result = NO_MATCH;
    private long used;
    private long budget;

    /**
     * A matcher of {@code pattern} in {@code subject}. With {@code anchoring}, a leading
     * {@code '^'} anchors the match at the start position (gmatch passes false: there the
     * {@code '^'} is an ordinary character).
     */
    PatternMatcher(LuaString subject, LuaString pattern, boolean anchoring) {
        this(subject, pattern, anchoring && pattern.length() > 0 && pattern.byteAt(0) == '^', false);
    }

    private PatternMatcher(LuaString subject, LuaString pattern, boolean anchored, boolean plain) {
        this.subject = subject;
        this.src = subject.rawBytes();
        this.srcEnd = src.length;
        this.pat = pattern.rawBytes();
        this.pStart = anchored ? 1 : 0;
        this.pEnd = pat.length;
        this.anchored = anchored;
        this.plain = plain;
    }

    /** A matcher that finds {@code needle} in {@code subject} as plain bytes (no pattern). */
    static PatternMatcher plain(LuaString subject, LuaString needle) {
        return new PatternMatcher(subject, needle, false, true);
    }

    /** Whether {@code pattern} has none of the characters that are special in patterns. */
    static boolean hasNoSpecials(LuaString pattern) {
        for (byte b : pattern.rawBytes()) {
            switch (b) {
                case '^', '$', '*', '+', '?', '.', '(', '[', '%', '-' -> {
                    return false;
                }
                default -> { }
            }
        }
        return true;
    }

    /**
     * Sets up a search for the first match that starts at position {@code from} (0-based) or
     * later, up to the end of the subject (only at {@code from} when anchored), and whose end
     * is not {@code lastMatch} (gmatch and gsub skip an empty match where the previous one
     * ended). {@code from} may be past the end: then nothing is found.
     */
    void search(int from, int lastMatch) {
        this.next = from;
        this.last = anchored ? Math.min(from, srcEnd) : srcEnd;
        this.lastMatch = lastMatch;
        this.result = SUSPENDED;
        this.state = START;
    }

    /**
     * Runs the search until it ends or {@code fuel} is spent (at least one step runs, so that
     * every call makes progress), charging one unit per step of the machine.
     *
     * @return the end (exclusive, 0-based) of the match found, {@link #NO_MATCH}, or
     *     {@link #SUSPENDED} if the search is not over
     * @throws StringError for a malformed pattern or a pattern too complex
     */
    int resume(Fuel fuel) {
        budget = fuel.exhausted() ? 1 : fuel.remaining();
        used = 0;
        try {
            while (state != DONE && used < budget) step();
        } finally {
            fuel.consume(used);
        }
        return state == DONE ? result : SUSPENDED;
    }

    /** Whether the pattern is anchored: a search tries its first start position only. */
    boolean anchored() {
        return anchored;
    }

    /** The start (0-based) of the match {@link #resume} found. */
    int start() {
        return start;
    }

    /**
     * Capture {@code i} (0-based) of the match found, as lstrlib's get_onecapture: a string,
     * or a position (an integer) for {@code ()}; capture 0 of a pattern without captures is
     * the whole match.
     *
     * The string is a new one, charged to {@code heap} first.
     *
     * @throws StringError {@code invalid capture index %n}, {@code unfinished capture}
     */
    Object capture(Heap heap, int i) {
        if (i >= level) {
            if (i != 0) throw new StringError("invalid capture index %" + (i + 1));
            heap.chargeString(result - start);
            return subject.substring(start, result);
        }
        int init = captures[2 * i];
        int len = captures[2 * i + 1];
        if (len == CAP_UNFINISHED) throw new StringError("unfinished capture");
        if (len == CAP_POSITION) return (long) init + 1;
        heap.chargeString(len);
        return subject.substring(init, init + len);
    }

    /**
     * The captures of the match found; with {@code whole}, the whole match when the pattern
     * has no captures ({@code match}, {@code gmatch}, {@code gsub}), else none ({@code find});
     * charged to {@code heap} as {@link #capture} says.
     */
    Object[] captures(Heap heap, boolean whole) {
        int n = level == 0 && whole ? 1 : level;
        Object[] r = new Object[n];
        for (int i = 0; i < n; i++) r[i] = capture(heap, i);
        return r;
    }

    // ---------------------------------------------------------------- the machine

    private void step() {
        switch (state) {
            case START -> {
                if (plain) plainSearch();
                else startAttempt();
            }
            case MATCH -> matchItem();
            case EXPAND -> expand();
            case BALANCE -> balance();
            case BACKTRACK -> backtrack();
            default -> throw new IllegalStateException("no search under way");
        }
    }

    private void startAttempt() {
        used++;
        if (next > last) {
            finish(NO_MATCH);
            return;
        }
        start = next++;
        level = 0;
        depth = 0;
        s = start;
        p = pStart;
        state = MATCH;
    }

    /**
     * A plain search: tries start positions, a fuel's worth at a time, for the needle's bytes
     * (one unit per position, and one per 16 bytes compared).
     */
    private void plainSearch() {
        int n = pEnd;
        int lastFit = Math.min(last, srcEnd - n); // no later start has room for the needle
        while (used < budget) {
            used++;
            if (next > lastFit) {
                finish(NO_MATCH);
                return;
            }
            int at = next++;
            if (n == 0 || (src[at] == pat[0] && plainMatch(at, n))) {
                start = at;
                succeed(at + n);
                return;
            }
        }
    }

    /** Whether the needle's bytes after its first are at {@code at + 1}. */
    private boolean plainMatch(int at, int n) {
        used += n >> 4;
        if (n > 16) return Arrays.equals(src, at + 1, at + n, pat, 1, n);
        for (int i = 1; i < n; i++) {
            if (src[at + i] != pat[i]) return false;
        }
        return true;
    }

    /** The attempt at {@link #start} matched up to {@code end}. */
    private void succeed(int end) {
        depth = 0;
        if (end == lastMatch) {
            state = START; // an empty match where the last one ended does not count
        } else {
            finish(end);
        }
    }

    private void finish(int answer) {
        result = answer;
        state = DONE;
    }

    private void fail() {
        state = BACKTRACK;
    }

    /** One step of lstrlib's match: the item at p, at subject position s. */
    private void matchItem() {
        used++;
        if (p == pEnd) {
            succeed(s);
            return;
        }
        switch (pat[p]) {
            case '(' -> {
                if (pat(p + 1) == ')') openCapture(p + 2, CAP_POSITION);
                else openCapture(p + 1, CAP_UNFINISHED);
                return;
            }
            case ')' -> {
                closeCapture();
                return;
            }
            case '$' -> {
                if (p + 1 == pEnd) {
                    if (s == srcEnd) succeed(s);
                    else fail();
                    return;
                }
            }
            case ESC -> {
                int c = pat(p + 1);
                if (c == 'b') {
                    startBalance();
                    return;
                } else if (c == 'f') {
                    frontier();
                    return;
                } else if (c >= '0' && c <= '9') {
                    backReference(c);
                    return;
                }
            }
            default -> { }
        }
        singleItem();
    }

    /** A single-character class, maybe followed by {@code * + - ?}. */
    private void singleItem() {
        int ep = classEnd(p);
        int cost = itemCost(p, ep);
        used += cost;
        int suffix = pat(ep);
        if (!singleMatch(s, p, ep)) {
            if (suffix == '*' || suffix == '?' || suffix == '-') p = ep + 1; // accepts empty
            else fail();
            return;
        }
        switch (suffix) {
            case '?' -> {
                call(OPTIONAL, s, p, ep, 0);
                s++;
                p = ep + 1;
            }
            case '+' -> startExpand(s + 1, ep, cost);
            case '*' -> startExpand(s, ep, cost);
            case '-' -> {
                call(MIN, s, p, ep, 0);
                p = ep + 1;
            }
            default -> {
                s++;
                p = ep;
            }
        }
    }

    /** The work of matching one character against the class [from, to): long sets cost more. */
    private static int itemCost(int from, int to) {
        return 1 + ((to - from) >> 4);
    }

    private void startExpand(int from, int ep, int cost) {
        expandFrom = from;
        itemEnd = ep;
        itemCost = cost;
        count = 0;
        state = EXPAND;
    }

    /** max_expand's count of how many times the item repeats, a fuel's worth at a time. */
    private void expand() {
        int from = expandFrom;
        int c = count;
        long u = used;
        while (u < budget && singleMatch(from + c, p, itemEnd)) {
            c++;
            u += itemCost;
        }
        count = c;
        used = u;
        if (u < budget) { // the item stopped matching: try the rest with the most repetitions
            call(MAX, from, p, itemEnd, c);
            s = from + c;
            p = itemEnd + 1;
            state = MATCH;
        }
    }

    private void openCapture(int next, int what) {
        if (level >= MAX_CAPTURES) throw new StringError("too many captures");
        if (2 * level == captures.length) captures = Arrays.copyOf(captures, Math.max(8, 2 * captures.length));
        captures[2 * level] = s;
        captures[2 * level + 1] = what;
        level++;
        call(OPEN, s, p, 0, 0);
        p = next;
    }

    private void closeCapture() {
        int l = captureToClose();
        captures[2 * l + 1] = s - captures[2 * l];
        call(CLOSE, s, p, 0, l);
        p++;
    }

    private int captureToClose() {
        for (int l = level - 1; l >= 0; l--) {
            if (captures[2 * l + 1] == CAP_UNFINISHED) return l;
        }
        throw new StringError("invalid pattern capture");
    }

    /** {@code %bxy}: the subject must start with x; then scan for its balancing y. */
    private void startBalance() {
        if (p + 2 >= pEnd - 1) throw new StringError("malformed pattern (missing arguments to '%b')");
        if (src(s) != (pat[p + 2] & 0xFF)) {
            fail();
            return;
        }
        scan = s;
        nesting = 1;
        state = BALANCE;
    }

    private void balance() {
        byte open = pat[p + 2];
        byte close = pat[p + 3];
        while (used < budget) {
            used++;
            if (++scan >= srcEnd) {
                fail();
                return;
            }
            byte c = src[scan];
            if (c == close) {
                if (--nesting == 0) {
                    s = scan + 1;
                    p += 4;
                    state = MATCH;
                    return;
                }
            } else if (c == open) {
                nesting++;
            }
        }
    }

    /** {@code %f[set]}: the previous character is not in the set and the current one is. */
    private void frontier() {
        int set = p + 2;
        if (pat(set) != '[') throw new StringError("missing '[' after '%f' in pattern");
        int ep = classEnd(set);
        used += itemCost(set, ep);
        int previous = s == 0 ? 0 : src[s - 1] & 0xFF;
        if (!matchBracketClass(previous, set, ep - 1) && matchBracketClass(src(s), set, ep - 1)) {
            p = ep;
        } else {
            fail();
        }
    }

    /** {@code %1}..{@code %9} (and the invalid {@code %0}): the text of an earlier capture. */
    private void backReference(int digit) {
        int l = digit - '1';
        if (l < 0 || l >= level || captures[2 * l + 1] == CAP_UNFINISHED) {
            throw new StringError("invalid capture index %" + (l + 1));
        }
        int init = captures[2 * l];
        int len = captures[2 * l + 1]; // a position capture (negative) never matches
        used += len >> 4;
        if (len >= 0 && srcEnd - s >= len && Arrays.equals(src, init, init + len, src, s, s + len)) {
            s += len;
            p += 2;
        } else {
            fail();
        }
    }

    /** Pushes a choice point and starts its sub-call, as lstrlib's recursive call of match. */
    private void call(int kind, int fs, int fp, int fep, int n) {
        if (depth >= MAX_CALLS - 1) throw new StringError("pattern too complex");
        int f = depth * FRAME;
        if (f == frames.length) frames = Arrays.copyOf(frames, Math.max(4 * FRAME, 2 * frames.length));
        frames[f] = kind;
        frames[f + 1] = fs;
        frames[f + 2] = fp;
        frames[f + 3] = fep;
        frames[f + 4] = n;
        depth++;
    }

    /** The running call failed: the innermost choice point retries or fails in turn. */
    private void backtrack() {
        used++;
        if (depth == 0) {
            state = START; // this start position does not match
            return;
        }
        int f = (depth - 1) * FRAME;
        int fs = frames[f + 1];
        int fp = frames[f + 2];
        int fep = frames[f + 3];
        switch (frames[f]) {
            case OPEN -> {
                level--;
                depth--;
            }
            case CLOSE -> {
                captures[2 * frames[f + 4] + 1] = CAP_UNFINISHED;
                depth--;
            }
            case MAX -> {
                if (--frames[f + 4] >= 0) retry(fs + frames[f + 4], fep);
                else depth--;
            }
            case MIN -> {
                used += itemCost(fp, fep);
                if (singleMatch(fs, fp, fep)) retry(frames[f + 1] = fs + 1, fep);
                else depth--;
            }
            default -> { // OPTIONAL: the parent call goes on without the item
                depth--;
                retry(fs, fep);
            }
        }
    }

    /** Matches the rest of the pattern after the item ending at {@code ep}, from {@code at}. */
    private void retry(int at, int ep) {
        s = at;
        p = ep + 1;
        state = MATCH;
    }

    // ---------------------------------------------------------------- classes

    /** The subject byte at {@code i}, or 0 at the end (C strings end with a zero byte). */
    private int src(int i) {
        return i < srcEnd ? src[i] & 0xFF : 0;
    }

    /** The pattern byte at {@code i}, or 0 at the end. */
    private int pat(int i) {
        return i < pEnd ? pat[i] & 0xFF : 0;
    }

    /** The end of the single-character class starting at {@code p} (lstrlib's classEnd). */
    private int classEnd(int p) {
        int c = pat[p++];
        if (c == ESC) {
            if (p == pEnd) throw new StringError("malformed pattern (ends with '%')");
            return p + 1;
        }
        if (c == '[') {
            if (pat(p) == '^') p++;
            do { // look for a ']'; the first character of the set may be one
                if (p == pEnd) throw new StringError("malformed pattern (missing ']')");
                if (pat[p++] == ESC && p < pEnd) p++; // skip escapes such as '%]'
            } while (pat(p) != ']');
            return p + 1;
        }
        return p;
    }

    /** Whether the subject character at {@code s} is in the class [p, ep). */
    private boolean singleMatch(int s, int p, int ep) {
        if (s >= srcEnd) return false;
        int c = src[s] & 0xFF;
        return switch (pat[p]) {
            case '.' -> true;
            case ESC -> matchClass(c, pat[p + 1] & 0xFF);
            case '[' -> matchBracketClass(c, p, ep - 1);
            default -> (pat[p] & 0xFF) == c;
        };
    }

    /** Whether {@code c} is in the set {@code [...]} from {@code p} ('[') to {@code ec} (']'). */
    private boolean matchBracketClass(int c, int p, int ec) {
        boolean sig = true;
        if (pat(p + 1) == '^') {
            sig = false;
            p++;
        }
        while (++p < ec) {
            if (pat[p] == ESC) {
                p++;
                if (matchClass(c, pat(p))) return sig;
            } else if (pat(p + 1) == '-' && p + 2 < ec) {
                p += 2;
                if ((pat[p - 2] & 0xFF) <= c && c <= (pat[p] & 0xFF)) return sig;
            } else if ((pat[p] & 0xFF) == c) {
                return sig;
            }
        }
        return !sig;
    }

    /**
     * Whether {@code c} is in the class {@code %cl} in the C locale: {@code %a %c %d %g %l %p
     * %s %u %w %x} and the deprecated {@code %z}, their upper-case complements, or else the
     * character {@code cl} itself.
     */
    static boolean matchClass(int c, int cl) {
        boolean res;
        switch (cl >= 'A' && cl <= 'Z' ? cl + 32 : cl) {
            case 'a' -> res = isAlpha(c);
            case 'c' -> res = c < 32 || c == 127;
            case 'd' -> res = isDigit(c);
            case 'g' -> res = c > 32 && c < 127;
            case 'l' -> res = c >= 'a' && c <= 'z';
            case 'p' -> res = c > 32 && c < 127 && !isAlpha(c) && !isDigit(c);
            case 's' -> res = c == ' ' || (c >= '\t' && c <= '\r');
            case 'u' -> res = c >= 'A' && c <= 'Z';
            case 'w' -> res = isAlpha(c) || isDigit(c);
            case 'x' -> res = isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            case 'z' -> res = c == 0;
            default -> {
                return cl == c;
            }
        }
        return cl >= 'a' && cl <= 'z' ? res : !res;
    }

    private static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
