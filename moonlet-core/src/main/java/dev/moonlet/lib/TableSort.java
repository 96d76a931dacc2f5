package dev.moonlet.lib;

import dev.moonlet.vm.Marker;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Instance;
import java.util.Arrays;

/**
 * {@code table.sort} as a state machine: ltablib.c's quicksort (median of three, random
 * pivots for large unbalanced intervals), making the same element reads, writes and
 * comparisons in the same order, so that a sort gives lua5.4's result even for a comparator
 * that is not a strict order, and raises {@code "invalid order function for sorting"} where
 * lua5.4 does. Each comparison may be a Lua call (the comparator or {@code __lt}) that yields,
 * fails or never returns; the sort charges a unit of fuel per interval and per scanned
 * element, and stops when the fuel is spent (the interval being sorted stays as it is).
 *
 * <p>The recursion of the C code becomes an explicit stack of intervals: after a partition
 * the larger part is pushed and the smaller is sorted first, as C recurses into the smaller
 * part and loops on the larger, so the stack holds at most log2(n) intervals.
 */
final class TableSort extends TableSequence {
    @Override
    public void trace(Marker m) {
        super.trace(m);
        m.mark(comparator);
    }

    /** Intervals at least this long may get random pivots (ltablib's RANLIMIT). */
    private static final long RANDOM_LIMIT = 100;

    // The states: each performs one step and names the next.
    private static final int LEN = 0, CHECK = 1, INTERVAL = 2, ENDS_UP = 3, ENDS_COMPARE = 4,
            ENDS_CHECK = 5, ENDS_SWAPPED = 6, PIVOT = 7, MIDDLE_LO = 8, MIDDLE_COMPARE = 9,
            MIDDLE_CHECK = 10, MIDDLE_SWAPPED_LO = 11, MIDDLE_COMPARE_UP = 12, MIDDLE_CHECK_UP = 13,
            MIDDLE_SWAPPED_UP = 14, PARTITION = 15, PIVOT_UP = 16, PIVOT_SWAP = 17, PIVOT_SWAPPED = 18,
            SCAN_UP = 19, SCAN_UP_COMPARE = 20, SCAN_UP_CHECK = 21, SCAN_DOWN = 22,
            SCAN_DOWN_COMPARE = 23, SCAN_DOWN_CHECK = 24, SWAP = 25, SWAPPED = 26, PIVOT_PLACED = 27,
            PARTITIONED = 28;
    /** Registers: two elements, the pivot, a[i], a[j], and the last comparison's result. */
    private static final int A = 0, B = 1, P = 2, VI = 3, VJ = 4, LESS = 5;

    private Object comparator;
    private int state = LEN;
    /** The interval being sorted, the pivot's index, the partition's scan indices. */
    private long lo, up, p, i, j;
    /** The pivot randomisation in force for the current interval (0: none). */
    private int rnd;
    /** Intervals still to sort: lo, up and rnd of each, in threes. */
    private long[] pending = new long[3 * 8];
    private int pendingCount;

    TableSort(Instance instance, Object[] args) {
        super(instance, 6, args);
    }

    @Override
    Action advance(Coroutine co) {
        Action a;
        for (;;) {
            switch (state) {
                case LEN -> {
                    state = CHECK;
                    if ((a = length(t, A)) != null) return a;
                }
                case CHECK -> {
                    long n = lengthOf(co, A);
                    if (n <= 1) return done();
                    if (n >= Integer.MAX_VALUE) throw Args.error(0, "array too big");
                    if (!Args.isNoneOrNil(args, 1)) comparator = Args.checkType(args, 1, "function");
                    lo = 1;
                    up = n;
                    state = INTERVAL;
                }
                // auxsort: sort a[lo], a[up]
                case INTERVAL -> {
                    if (lo >= up && !popInterval()) return done();
                    if (lo >= up) continue;
                    if ((a = tick(co)) != null) return a;
                    state = ENDS_UP;
                    if ((a = get(t, lo, A)) != null) return a;
                }
                case ENDS_UP -> {
                    state = ENDS_COMPARE;
                    if ((a = get(t, up, B)) != null) return a;
                }
                case ENDS_COMPARE -> {
                    state = ENDS_CHECK;
                    if ((a = compare(B, A)) != null) return a; // a[up] < a[lo]?
                }
                case ENDS_CHECK -> {
                    state = PIVOT;
                    if (isTrue(LESS)) {
                        state = ENDS_SWAPPED;
                        if ((a = set(t, lo, reg[B])) != null) return a;
                    }
                }
                case ENDS_SWAPPED -> {
                    state = PIVOT;
                    if ((a = set(t, up, reg[A])) != null) return a;
                }
                // sort a[lo], a[p], a[up]
                case PIVOT -> {
                    if (up - lo == 1) { // only 2 elements: sorted
                        state = INTERVAL;
                        lo = up;
                        continue;
                    }
                    p = up - lo < RANDOM_LIMIT || rnd == 0 ? (lo + up) / 2 : choosePivot();
                    state = MIDDLE_LO;
                    if ((a = get(t, p, A)) != null) return a;
                }
                case MIDDLE_LO -> {
                    state = MIDDLE_COMPARE;
                    if ((a = get(t, lo, B)) != null) return a;
                }
                case MIDDLE_COMPARE -> {
                    state = MIDDLE_CHECK;
                    if ((a = compare(A, B)) != null) return a; // a[p] < a[lo]?
                }
                case MIDDLE_CHECK -> {
                    if (isTrue(LESS)) {
                        state = MIDDLE_SWAPPED_LO;
                        if ((a = set(t, p, reg[B])) != null) return a;
                    } else {
                        state = MIDDLE_COMPARE_UP;
                        if ((a = get(t, up, B)) != null) return a;
                    }
                }
                case MIDDLE_SWAPPED_LO -> {
                    state = PARTITION;
                    if ((a = set(t, lo, reg[A])) != null) return a;
                }
                case MIDDLE_COMPARE_UP -> {
                    state = MIDDLE_CHECK_UP;
                    if ((a = compare(B, A)) != null) return a; // a[up] < a[p]?
                }
                case MIDDLE_CHECK_UP -> {
                    state = PARTITION;
                    if (isTrue(LESS)) {
                        state = MIDDLE_SWAPPED_UP;
                        if ((a = set(t, p, reg[B])) != null) return a;
                    }
                }
                case MIDDLE_SWAPPED_UP -> {
                    state = PARTITION;
                    if ((a = set(t, up, reg[A])) != null) return a;
                }
                // put the pivot P = a[p] at up - 1
                case PARTITION -> {
                    if (up - lo == 2) { // only 3 elements: sorted
                        state = INTERVAL;
                        lo = up;
                        continue;
                    }
                    state = PIVOT_UP;
                    if ((a = get(t, p, P)) != null) return a;
                }
                case PIVOT_UP -> {
                    state = PIVOT_SWAP;
                    if ((a = get(t, up - 1, B)) != null) return a;
                }
                case PIVOT_SWAP -> {
                    state = PIVOT_SWAPPED;
                    if ((a = set(t, p, reg[B])) != null) return a;
                }
                case PIVOT_SWAPPED -> {
                    i = lo;
                    j = up - 1;
                    state = SCAN_UP;
                    if ((a = set(t, up - 1, reg[P])) != null) return a;
                }
                // partition: invariant a[lo .. i] <= P <= a[j .. up], a[up - 1] == P
                case SCAN_UP -> {
                    if ((a = tick(co)) != null) return a;
                    state = SCAN_UP_COMPARE;
                    if ((a = get(t, ++i, VI)) != null) return a;
                }
                case SCAN_UP_COMPARE -> {
                    state = SCAN_UP_CHECK;
                    if ((a = compare(VI, P)) != null) return a; // a[i] < P?
                }
                case SCAN_UP_CHECK -> {
                    state = SCAN_DOWN;
                    if (isTrue(LESS)) {
                        if (i == up - 1) throw invalidOrder(co); // a[i] < P but a[up - 1] == P
                        state = SCAN_UP;
                    }
                }
                case SCAN_DOWN -> {
                    if ((a = tick(co)) != null) return a;
                    state = SCAN_DOWN_COMPARE;
                    if ((a = get(t, --j, VJ)) != null) return a;
                }
                case SCAN_DOWN_COMPARE -> {
                    state = SCAN_DOWN_CHECK;
                    if ((a = compare(P, VJ)) != null) return a; // P < a[j]?
                }
                case SCAN_DOWN_CHECK -> {
                    state = SWAP;
                    if (isTrue(LESS)) {
                        if (j < i) throw invalidOrder(co); // j < i but a[j] > P
                        state = SCAN_DOWN;
                    }
                }
                case SWAP -> {
                    if (j < i) { // no elements out of place: put the pivot at i
                        state = PIVOT_PLACED;
                        if ((a = set(t, up - 1, reg[VI])) != null) return a;
                    } else {
                        state = SWAPPED;
                        if ((a = set(t, i, reg[VJ])) != null) return a;
                    }
                }
                case SWAPPED -> {
                    state = SCAN_UP;
                    if ((a = set(t, j, reg[VI])) != null) return a;
                }
                case PIVOT_PLACED -> {
                    state = PARTITIONED;
                    if ((a = set(t, i, reg[P])) != null) return a;
                }
                default -> { // PARTITIONED: a[lo .. i - 1] <= a[i] == P <= a[i + 1 .. up]
                    splitAt(i);
                    state = INTERVAL;
                }
            }
        }
    }

    /** {@code reg[LESS] = reg[x] < reg[y]} by the order of the sort. */
    private Action compare(int x, int y) {
        return less(comparator, reg[x], reg[y], LESS);
    }

    /**
     * After a partition at {@code p}: goes on with the smaller part and pushes the larger one,
     * with a new random pivot choice when the partition was too unbalanced.
     */
    private void splitAt(long p) {
        long n; // the size of the smaller part
        long largeLo, largeUp;
        if (p - lo < up - p) {
            n = p - lo;
            largeLo = p + 1;
            largeUp = up;
            up = p - 1;
        } else {
            n = up - p;
            largeLo = lo;
            largeUp = p - 1;
            lo = p + 1;
        }
        int largeRnd = (largeUp - largeLo) / 128 > n ? randomizePivot() : rnd;
        pushInterval(largeLo, largeUp, largeRnd);
    }

    private void pushInterval(long from, long to, int random) {
        if (3 * pendingCount + 3 > pending.length) pending = Arrays.copyOf(pending, 2 * pending.length);
        int k = 3 * pendingCount++;
        pending[k] = from;
        pending[k + 1] = to;
        pending[k + 2] = random;
    }

    /** Makes the last pushed interval current; false when none is left. */
    private boolean popInterval() {
        if (pendingCount == 0) return false;
        int k = 3 * --pendingCount;
        lo = pending[k];
        up = pending[k + 1];
        rnd = (int) pending[k + 2];
        return true;
    }

    /** A pivot in the middle half of [lo, up], chosen by {@code rnd}. */
    private long choosePivot() {
        long r4 = (up - lo) / 4;
        return Integer.toUnsignedLong(rnd) % (r4 * 2) + lo + r4;
    }

    /** A fresh pivot randomisation, from the clock as ltablib's l_randomizePivot. */
    private static int randomizePivot() {
        long x = System.nanoTime() ^ System.currentTimeMillis();
        return (int) (x ^ (x >>> 32));
    }

    private static RuntimeException invalidOrder(Coroutine co) {
        return Library.error(co, "invalid order function for sorting");
    }
}
