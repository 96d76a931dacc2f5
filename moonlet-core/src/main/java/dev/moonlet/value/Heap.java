package dev.moonlet.value;

/**
 * The memory one instance accounts for (DESIGN.md, "Memory"). The JVM allocates and frees;
 * Moonlet only counts. Every allocation a script controls is {@linkplain #charge charged}
 * here <em>before</em> it happens, in the estimated bytes of {@link #stringBytes},
 * {@link #tableBytes} and the other size functions below; the collector learns the live size
 * by marking and {@linkplain #settle settles} the count to it.
 *
 * <p>The invariant: {@link #used()} is the live size found by the last completed mark plus
 * every charge since. When a charge would take it over the {@linkplain #limit() limit}, the
 * heap first asks its {@link Reclaimer} (the instance's collector) to find the true live size
 * at once; if the charge then does not fit with a sixteenth of the limit to spare, it is
 * refused with {@link #outOfMemory()}, a Lua error that {@code pcall} catches, and nothing is
 * allocated. (The spare sixteenth bounds how often the collector marks everything at once.)
 * A request larger than the limit by itself is refused without collecting.
 *
 * <pre>{@code
 * heap.setLimit(64 << 20);
 * heap.charge(Heap.stringBytes(n));   // throws "not enough memory" instead of allocating
 * byte[] b = new byte[n];
 * }</pre>
 *
 * Not thread-safe: it belongs to one instance, which one thread runs at a time.
 */
public final class Heap {
    /** The message of a refused allocation, as PUC-Rio Lua words it. */
    public static final LuaString NOT_ENOUGH_MEMORY = LuaString.of("not enough memory");
    /** The message of a string longer than the instance allows, as Lua's concatenation words it. */
    private static final LuaString STRING_LENGTH_OVERFLOW = LuaString.of("string length overflow");

    /**
     * A heap that counts but never refuses and has nobody to ask: for tables made outside any
     * instance (tests, constants). Shared, so its counts mean nothing; nothing reads them.
     */
    public static final Heap UNACCOUNTED = new Heap();

    /** Who finds the live size when a charge would pass the limit: the instance's collector. */
    @FunctionalInterface
    public interface Reclaimer {
        /**
         * Marks everything reachable now, at once, and {@linkplain Heap#settle settles} the
         * heap to the live size found. Runs no Lua code (finalizers wait for the executor).
         */
        void reclaimNow();

        /**
         * The write barrier: {@code table}, already traversed by the mark under way (see
         * {@link Heap#beginMarking}), was stored into or given a metatable, so it may now
         * refer to objects the mark has not reached; it must be traversed again before the
         * mark ends.
         */
        default void touched(LuaTable table) {}
    }

    /** {@link #markingEpoch} when no incremental mark is under way: a mark no object has. */
    private static final int NOT_MARKING = Integer.MIN_VALUE;

    /** The longest string a Java array can hold, and so the longest string there can be. */
    public static final long MAX_STRING_LENGTH = Integer.MAX_VALUE - 8;

    private long limit = Long.MAX_VALUE;
    private long maxStringLength = MAX_STRING_LENGTH;
    private long used;
    private long chargedSinceSettle;
    private long peak;
    /**
     * The bytes refused since an emergency collection failed to make room, or -1 when a
     * collection has settled the count since (see {@link #charge}).
     */
    private long refused = -1;
    private Reclaimer reclaimer;
    /**
     * The epoch of the incremental mark under way, else {@link #NOT_MARKING}. A table whose
     * {@link Collectable#gcMark} equals it is black (traversed): a store into it calls
     * {@link #touched}. Comparing with this field is the whole cost of the barrier when no
     * mark is under way.
     */
    int markingEpoch = NOT_MARKING;

    /** The accounted size now, in bytes: the last live size found plus the charges since. */
    public long used() {
        return used;
    }

    /** The largest {@link #used()} seen. */
    public long peak() {
        return peak;
    }

    /** Bytes charged since the collector last {@linkplain #settle settled} the count. */
    public long chargedSinceSettle() {
        return chargedSinceSettle;
    }

    /** The most bytes the instance may hold; {@link Long#MAX_VALUE} (the default) for no limit. */
    public long limit() {
        return limit;
    }

    /** Sets the limit in bytes; it applies from the next charge on. */
    public void setLimit(long bytes) {
        if (bytes <= 0) throw new IllegalArgumentException("memory limit must be positive: " + bytes);
        this.limit = bytes;
    }

    /** The longest string the instance may make, in bytes. */
    public long maxStringLength() {
        return maxStringLength;
    }

    /**
     * Sets the longest string the instance may make, at most {@link #MAX_STRING_LENGTH}; a
     * longer one is refused by {@link #chargeString} whatever memory is left.
     */
    public void setMaxStringLength(long bytes) {
        if (bytes < 0 || bytes > MAX_STRING_LENGTH) {
            throw new IllegalArgumentException("string length limit out of range: " + bytes);
        }
        this.maxStringLength = bytes;
    }

    /** Sets who finds the live size when the limit is near (the vm's collector). */
    public void setReclaimer(Reclaimer reclaimer) {
        this.reclaimer = reclaimer;
    }

    /**
     * Starts the write barrier for an incremental mark with epoch {@code epoch} (a positive
     * number): from now until {@link #endMarking}, storing into a table whose mark is
     * {@code epoch} tells the {@link Reclaimer} ({@link Reclaimer#touched}).
     */
    public void beginMarking(int epoch) {
        if (epoch <= 0) throw new IllegalArgumentException("mark epochs are positive: " + epoch);
        markingEpoch = epoch;
    }

    /** Ends the write barrier: no mark is under way. */
    public void endMarking() {
        markingEpoch = NOT_MARKING;
    }

    /**
     * Whether {@code c} is black in the incremental mark under way: traversed already, so that
     * a value stored into it must pass a barrier (for tables, {@link LuaTable} does it).
     */
    public boolean isBlack(Collectable c) {
        return c.gcMark == markingEpoch;
    }

    /** The barrier's slow path: {@code table} was black and has been stored into. */
    void touched(LuaTable table) {
        if (reclaimer != null) reclaimer.touched(table);
    }

    /**
     * Accounts for {@code bytes} about to be allocated.
     *
     * @throws LuaError {@code "not enough memory"} when they do not fit under the limit even
     *     after a collection; then nothing is charged
     */
    public void charge(long bytes) {
        long next = used + bytes;
        if (next > limit || next < 0) {
            if (bytes > limit || bytes < 0) throw outOfMemory();
            // After an emergency collection that could not make room, charges that do not fit
            // are refused without another one until a sixteenth of the limit has been refused
            // or a collection has settled the count: a script that goes on allocating at its
            // limit, because something catches the error (load returns it, pcall in a loop),
            // must not pay a full mark per allocation (small charges that still fit in between
            // do not count as room made).
            if (refused >= 0 && refused < (limit >>> 4)) {
                refused += bytes;
                throw outOfMemory();
            }
            if (reclaimer != null) reclaimer.reclaimNow();
            next = used + bytes;
            // An emergency collection must leave room for more than this one charge: one that
            // leaves less than a sixteenth of the limit free refuses it, so that a script
            // living at its limit gets "not enough memory" instead of a full mark per
            // allocation (each emergency mark is then paid for by limit/16 bytes of charges).
            if (next > limit - (limit >>> 4)) {
                refused = bytes;
                throw outOfMemory();
            }
        }
        used = next;
        chargedSinceSettle += bytes;
        if (next > peak) peak = next;
    }

    /** Whether {@code bytes} more would fit under the limit as things stand (without collecting). */
    public boolean fits(long bytes) {
        long next = used + bytes;
        return next <= limit && next >= 0;
    }

    /**
     * Accounts for {@code bytes} about to be allocated if they fit under the limit as things
     * stand, without collecting: for what can be done without (the compiled tier's code),
     * which must not make a script near its limit pay a full mark.
     *
     * @return whether they were charged
     */
    public boolean tryCharge(long bytes) {
        if (!fits(bytes)) return false;
        long next = used + bytes;
        used = next;
        chargedSinceSettle += bytes;
        if (next > peak) peak = next;
        return true;
    }

    /**
     * Accounts for a string of {@code length} bytes about to be made.
     *
     * @throws LuaError {@code "string length overflow"} when it is longer than
     *     {@link #maxStringLength()}, {@code "not enough memory"} when it does not fit
     */
    public void chargeString(long length) {
        if (length > maxStringLength) throw new LuaError(STRING_LENGTH_OVERFLOW);
        charge(stringBytes(length));
    }

    /**
     * The bytes of a new string of {@code length} bytes, charged first ({@link #chargeString}).
     * The JVM's own refusal is the backstop: it becomes {@code "not enough memory"} too, so
     * that no {@link OutOfMemoryError} escapes because of a script.
     */
    public byte[] allocateString(long length) {
        chargeString(length);
        try {
            return new byte[(int) length];
        } catch (OutOfMemoryError e) {
            throw outOfMemory();
        }
    }

    /** Gives back {@code bytes} known to be freed (a table that shrank), never below zero. */
    public void release(long bytes) {
        used = Math.max(0, used - bytes);
    }

    /**
     * Sets the accounted size to {@code liveBytes}, the size the collector found reachable,
     * plus {@code chargedSince}: what was charged while it was marking and is not in that count.
     */
    public void settle(long liveBytes, long chargedSince) {
        refused = -1;
        used = liveBytes + chargedSince;
        chargedSinceSettle = chargedSince;
        if (used > peak) peak = used;
    }

    /** A fresh {@code "not enough memory"} error (errors carry a traceback, so none is shared). */
    public static LuaError outOfMemory() {
        return new LuaError(NOT_ENOUGH_MEMORY);
    }

    // ------------------------------------------------------------------ size estimates
    // One place for what each kind of object is taken to cost, so that charges and the
    // collector's count agree. Estimates for a 64-bit JVM with compressed references. A slot
    // that holds a value (in a table or a stack) is taken to cost what PUC-Rio Lua's TValue
    // does, 16 bytes: a reference is 4, but a number in it is a 16-byte box the slot does not
    // charge for, so the estimate stays near what the JVM really holds whatever the script
    // stores, and a limit means about what it means in PUC-Rio Lua.

    /** A string of {@code length} bytes: the object, its array header and the bytes. */
    public static long stringBytes(long length) {
        return 40 + length;
    }

    /** A table with {@code arraySlots} array slots and {@code hashSlots} hash slots. */
    public static long tableBytes(long arraySlots, long hashSlots) {
        return 64 + arraySlotBytes(arraySlots) + hashSlotBytes(hashSlots);
    }

    /** The array part's share of a table: a value slot each. */
    public static long arraySlotBytes(long slots) {
        return slots == 0 ? 0 : 16 + SLOT_BYTES * slots;
    }

    /** The hash part's share of a table: a key slot, a value slot and a cached hash each. */
    public static long hashSlotBytes(long slots) {
        return slots == 0 ? 0 : 32 + (2 * SLOT_BYTES + 4) * slots;
    }

    /** One slot holding a Lua value (see above). */
    private static final long SLOT_BYTES = 16;

    /** A closure with {@code upvalues} upvalues. */
    public static long closureBytes(int upvalues) {
        return 32 + 4L * upvalues;
    }

    /** One upvalue. */
    public static final long UPVALUE_BYTES = 32;

    /** A coroutine without its stack (add {@link #stackBytes}). */
    public static final long COROUTINE_BYTES = 200;

    /**
     * A coroutine with {@code stackSlots} value-stack slots and room for {@code frameSlots}
     * frames: what creating one charges, its growth charges the difference, and the collector
     * counts for a live one.
     */
    public static long coroutineBytes(long stackSlots, long frameSlots) {
        return COROUTINE_BYTES + stackBytes(stackSlots) + frameBytes(frameSlots);
    }

    /**
     * Room for {@code slots} frames of a coroutine: the frame array and the frame objects that
     * fill it (kept and reused once made, so each slot is counted as holding one).
     */
    public static long frameBytes(long slots) {
        return 16 + (4 + FRAME_BYTES) * slots;
    }

    /** {@code slots} slots of a coroutine's value stack or frame array, or of a varargs array. */
    public static long stackBytes(long slots) {
        return 16 + SLOT_BYTES * slots;
    }

    /**
     * A captured continuation holding {@code frames} frames and {@code slots} stack slots, and
     * {@code bound} values bound to it: what capturing, cloning or binding charges, and the
     * collector counts for one that has not been resumed.
     */
    public static long continuationBytes(long frames, long slots, long bound) {
        return 48 + frameBytes(frames) + stackBytes(slots) + (bound == 0 ? 0 : stackBytes(bound));
    }

    /** One call frame (a Lua function's or a builtin's), not counting its registers. */
    private static final long FRAME_BYTES = 48;

    /**
     * What a chunk of {@code sourceBytes} bytes of source or binary code may take while it is
     * compiled (its syntax tree and the functions made from it): charged before compiling,
     * so that a chunk too large to fit is refused before any work, and replaced by
     * {@link #protoBytes} of the functions once they are made.
     */
    public static long chunkBytes(long sourceBytes) {
        return 200 + 4 * sourceBytes;
    }

    /**
     * A compiled function (a prototype) of {@code instructions} instructions and
     * {@code constants} constants: its code, line information and constant table.
     */
    public static long protoBytes(long instructions, long constants) {
        return 120 + 8 * instructions + SLOT_BYTES * constants;
    }

    /**
     * A function's code compiled to a JVM class of {@code classBytes} bytes: the class and
     * the machine code the JVM makes of it, several times the class's size.
     */
    public static long compiledBytes(long classBytes) {
        return 1024 + 4 * classBytes;
    }

    /** A userdata, not counting its Java payload (which the script does not control). */
    public static final long USERDATA_BYTES = 40;
}
