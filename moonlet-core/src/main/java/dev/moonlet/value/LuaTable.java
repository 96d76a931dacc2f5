package dev.moonlet.value;

import java.util.Arrays;

/**
 * A Lua table: an array part holding the values of keys {@code 1..arraySize()} and a hash part
 * holding every other key, as in PUC-Rio Lua (ltable.c).
 *
 * <p>The hash part is open addressing with linear probing, at most half full, over one
 * {@code Object[]} of interleaved key and value slots ({@code hash[2i]} key,
 * {@code hash[2i+1]} value), so that a hit usually reads one cache line, plus an {@code int[]}
 * of the keys' hashes, so that a probe passes over other keys without reading them. (Chosen
 * over a chained scatter table like ltable.c's by measurement: hits in small tables, which
 * dominate field access, took about a third less time.)
 *
 * <p>Removing a key only clears its value: the key stays as a dead key, found by lookups and by
 * {@link #nextIndex}, until the next rehash, so that a traversal may assign nil to fields it
 * has visited. A new key may take the slot of a dead key.
 *
 * <p>Keys are normalised: a float with an integral value is stored as that integer (so
 * {@code t[1.0]} is {@code t[1]}, and {@code -0.0} is {@code 0}). Strings are equal by bytes,
 * integers and floats by value, everything else by identity.
 *
 * <p>When the hash part has no room for a new key, the table is rehashed as ltable.c does:
 * the array part gets the largest power-of-two size n such that more than n/2 of the keys
 * {@code 1..n} are present, and the hash part is sized for the rest. So
 * {@code t[#t+1] = v} in a loop is amortised O(1) and fills the array part.
 *
 * <p>Iteration ({@code next}):
 * <pre>{@code
 * for (int i = t.nextIndex(null); i >= 0; i = t.nextIndex(t.keyAt(i))) {
 *     use(t.keyAt(i), t.valueAt(i));
 * }
 * }</pre>
 * <p>Every store and {@link #setMetatable} passes the collector's write barrier: a table the
 * incremental mark under way has already traversed tells its heap, which has it traversed
 * again (see {@link Heap#beginMarking}).
 *
 * <p>Not thread-safe: a table belongs to one instance, which one thread runs at a time.
 */
public final class LuaTable extends Collectable {
    /** The largest array part (and the largest integer key the rehash counts for it). */
    private static final int MAX_ARRAY = 1 << 30;
    /** The largest hash capacity (slots); the hash array is twice as long. */
    private static final int MAX_HASH = 1 << 29;
    private static final Object[] EMPTY_ARRAY = {};
    /**
     * The hash part of every table without one: a single free slot (capacity 1, room for no
     * key), so lookups need no emptiness test. It is never written: a new key rehashes first.
     */
    private static final Object[] EMPTY_HASH = new Object[2];
    private static final int[] EMPTY_HASHES = new int[1];
    /** Fibonacci hashing multiplier (2^32 / golden ratio). */
    private static final int GOLDEN = 0x9E3779B9;

    /** Values of keys 1..array.length; null for absent. */
    private Object[] array = EMPTY_ARRAY;
    /**
     * Interleaved keys and values; capacity (hash.length / 2) is a power of two. A null key
     * ends a probe run; a non-null key with a null value is a dead key.
     */
    private Object[] hash = EMPTY_HASH;
    /** hashes[i] is the hash of the key in hash[2i], when there is one. */
    private int[] hashes = EMPTY_HASHES;
    /** Probe start: {@code (mixed hash >>> posShift) & ~1}; posShift = 31 - log2(capacity). */
    private int posShift = 31;
    /** Non-null key slots, live or dead. */
    private int used;
    /** The most key slots in use before a new key forces a rehash: half the capacity. */
    private int maxUsed;
    /** A guess at a border inside the array part, to make {@code #t} O(1) while appending. */
    private int borderHint;
    private LuaTable metatable;
    /** Where the table's growth is charged: its instance's heap. */
    private final Heap heap;

    /**
     * Cached "this metamethod is absent" bits, owned by the virtual machine. The table resets it
     * to 0 whenever a field whose key is a string starting with {@code "__"} goes from nil to
     * non-nil (the only change that can make a cached absence wrong).
     */
    public int metaAbsent;

    /** An empty table whose memory no instance accounts for (for Java-side tables). */
    public LuaTable() {
        this(Heap.UNACCOUNTED, 0, 0);
    }

    /** An empty table whose memory no instance accounts for, sized as {@link #LuaTable(Heap, int, int)}. */
    public LuaTable(int narray, int nhash) {
        this(Heap.UNACCOUNTED, narray, nhash);
    }

    /** An empty table charged to {@code heap}. */
    public LuaTable(Heap heap) {
        this(heap, 0, 0);
    }

    /**
     * An empty table charged to {@code heap}, with room for {@code narray} array items
     * ({@code 1..narray}) and {@code nhash} other keys before it needs to grow, as a table
     * constructor knows them.
     *
     * @throws LuaError {@code "not enough memory"} when the heap refuses the charge
     */
    public LuaTable(Heap heap, int narray, int nhash) {
        this.heap = heap;
        int arraySize = Math.max(0, Math.min(narray, MAX_ARRAY));
        int cap = nhash > 0 ? capacityFor(nhash, false) : 0;
        heap.charge(Heap.tableBytes(arraySize, cap));
        if (arraySize > 0) array = new Object[arraySize];
        if (cap > 0) allocHash(cap);
    }

    /** The heap this table's memory is charged to. */
    public Heap heap() {
        return heap;
    }

    // ---------------------------------------------------------------- reading

    /** The raw value of {@code key} (no metamethods), or null if absent. */
    public Object get(Object key) {
        if (key instanceof LuaString) return get((LuaString) key);
        if (key instanceof Long) return get(((Long) key).longValue());
        if (key instanceof Double) {
            double d = (Double) key;
            if (LuaNumber.isInteger(d)) return get((long) d);
        } else if (key == null) {
            return null;
        }
        int p = slotOfOther(key);
        return p < 0 ? null : hash[p + 1];
    }

    /** The raw value of the integer key {@code key}, or null if absent. */
    public Object get(long key) {
        Object[] a = array;
        long i = key - 1;
        if (i >= 0 && i < a.length) return a[(int) i];
        int p = slotOf(key);
        return p < 0 ? null : hash[p + 1];
    }

    /** The raw value of the string key {@code key}, or null if absent. */
    public Object get(LuaString key) {
        int p = slotOf(key);
        return p < 0 ? null : hash[p + 1];
    }

    // ---------------------------------------------------------------- writing

    /**
     * Sets the raw value of {@code key} (no metamethods); a null value removes the field.
     *
     * @throws LuaError {@code "table index is nil"} or {@code "table index is NaN"}
     */
    public void put(Object key, Object value) {
        if (key instanceof LuaString) {
            put((LuaString) key, value);
        } else if (key instanceof Long) {
            put(((Long) key).longValue(), value);
        } else if (key instanceof Double && LuaNumber.isInteger((Double) key)) {
            put((long) (double) (Double) key, value);
        } else {
            if (key == null) throw new LuaError("table index is nil");
            if (key instanceof Double && Double.isNaN((Double) key)) {
                throw new LuaError("table index is NaN");
            }
            if (gcMark == heap.markingEpoch) heap.touched(this);
            int p = slotOfOther(key);
            if (p >= 0) {
                hash[p + 1] = value;
            } else if (value != null) {
                insert(key, hashOther(key), value);
            }
        }
    }

    /** Sets the raw value of the integer key {@code key}; a null value removes the field. */
    public void put(long key, Object value) {
        if (gcMark == heap.markingEpoch) heap.touched(this);
        Object[] a = array;
        long i = key - 1;
        if (i >= 0 && i < a.length) {
            a[(int) i] = value;
            return;
        }
        int p = slotOf(key);
        if (p >= 0) {
            hash[p + 1] = value;
        } else if (value != null) {
            insert(key, hashLong(key), value);
        }
    }

    /** Sets the raw value of the string key {@code key}; a null value removes the field. */
    public void put(LuaString key, Object value) {
        if (gcMark == heap.markingEpoch) heap.touched(this);
        int p = slotOf(key);
        if (p >= 0) {
            Object[] h = hash;
            if (h[p + 1] == null && value != null && key.isDunder()) metaAbsent = 0;
            h[p + 1] = value;
        } else if (value != null) {
            if (key.isDunder()) metaAbsent = 0;
            insert(key, key.hashCode(), value);
        }
    }

    /**
     * Grows the array part to hold at least keys {@code 1..n} (moving such keys out of the hash
     * part), as {@code SETLIST} wants before storing a constructor's trailing values.
     */
    public void ensureArray(int n) {
        if (n > array.length) resize(Math.min(n, MAX_ARRAY), hashCapacity());
    }

    // ---------------------------------------------------------------- length

    /**
     * A border of the table ({@code #t} without metamethods): an n with {@code t[n] ~= nil}
     * (or n = 0) and {@code t[n+1] == nil}, found as ltable.c's luaH_getn does: a binary search
     * in the array part when its last slot is empty, else an unbound search into the hash
     * part. O(log n); O(1) while a loop appends with {@code t[#t+1] = v}.
     */
    public long length() {
        Object[] a = array;
        int n = a.length;
        if (n > 0 && a[n - 1] == null) return arrayBorder(a);
        if (used > 0 && get((long) n + 1) != null) return hashBorder(n);
        return n;
    }

    /** A border inside the array part, whose last slot is empty. */
    private int arrayBorder(Object[] a) {
        int h = borderHint;
        if (h < a.length && (h == 0 || a[h - 1] != null)) {
            if (a[h] == null) return h;
            // The common case after t[#t+1] = v: the border moved up by one.
            if (h + 1 < a.length && a[h + 1] == null) return borderHint = h + 1;
        }
        // Invariant: i == 0 or a[i-1] present; a[j-1] absent.
        int i = 0, j = a.length;
        while (j - i > 1) {
            int m = (i + j) >>> 1;
            if (a[m - 1] == null) j = m;
            else i = m;
        }
        return borderHint = i;
    }

    /** A border above {@code n}, given that {@code t[n+1]} is present (ltable.c hash_search). */
    private long hashBorder(long n) {
        long i, j = n + 1;
        // Double j until t[j] is absent; invariant: t[i] present (or i == 0 when n == 0).
        do {
            i = j;
            if (j > Long.MAX_VALUE / 2) {
                // A table filled up to maxinteger: that is a border, else search below it.
                if (get(Long.MAX_VALUE) != null) return Long.MAX_VALUE;
                j = Long.MAX_VALUE;
                break;
            }
            j *= 2;
        } while (get(j) != null);
        while (j - i > 1) {
            long m = i + (j - i) / 2;
            if (get(m) == null) j = m;
            else i = m;
        }
        return i;
    }

    // ---------------------------------------------------------------- traversal

    /**
     * The iteration index of the entry after {@code key} that has a non-nil value, or of the
     * first such entry when {@code key} is null; -1 when there are no more. The order is stable
     * while existing fields are assigned (to nil too) during a traversal. Costs O(1) plus the
     * number of empty slots skipped.
     *
     * @throws LuaError {@code "invalid key to 'next'"} if {@code key} is not in the table (a key
     *     whose value became nil during the traversal is still accepted)
     */
    public int nextIndex(Object key) {
        return nextIndexFrom(traversalStart(key));
    }

    /**
     * The iteration index from which a traversal goes on after {@code key} (0 for null): the
     * first {@link #nextIndexFrom} looks at.
     *
     * @throws LuaError {@code "invalid key to 'next'"} as {@link #nextIndex} does
     */
    public int traversalStart(Object key) {
        return key == null ? 0 : indexOf(key) + 1;
    }

    /** {@link #traversalStart(Object)} of an integer key, without boxing one in the array part. */
    public int traversalStart(long key) {
        long i = key - 1;
        if (i >= 0 && i < array.length) return (int) i + 1;
        return traversalStart((Object) key);
    }

    /**
     * What a traversal's step from iteration index {@code from} to {@code index} (-1: to the
     * end) costs in fuel: a unit per 32 empty slots passed over, so that stepping through a
     * large and mostly empty table is paid for.
     */
    public long skipCost(int from, int index) {
        int end = index >= 0 ? index : array.length + (hash.length >>> 1);
        return Math.max(0, end - from) >>> 5;
    }

    /** Whether iteration index {@code index} is in the array part, where its key is {@code index + 1}. */
    public boolean inArrayPart(int index) {
        return index < array.length;
    }

    /** The iteration index of the first entry with a non-nil value from index {@code i} on, or -1. */
    public int nextIndexFrom(int i) {
        Object[] a = array;
        for (; i < a.length; i++) {
            if (a[i] != null) return i;
        }
        Object[] h = hash;
        for (int p = 2 * (i - a.length) + 1; p < h.length; p += 2) {
            if (h[p] != null) return a.length + (p >>> 1);
        }
        return -1;
    }

    /** The key at iteration index {@code index} (as returned by {@link #nextIndex}). */
    public Object keyAt(int index) {
        int n = array.length;
        return index < n ? Long.valueOf(index + 1L) : hash[2 * (index - n)];
    }

    /** The value at iteration index {@code index} (as returned by {@link #nextIndex}). */
    public Object valueAt(int index) {
        Object[] a = array;
        return index < a.length ? a[index] : hash[2 * (index - a.length) + 1];
    }

    /** The iteration index of a key in the table, live or dead. */
    private int indexOf(Object key) {
        int n = array.length;
        if (key instanceof Double && LuaNumber.isInteger((Double) key)) {
            key = (long) (double) (Double) key;
        }
        int p;
        if (key instanceof Long) {
            long k = (Long) key;
            if (k - 1 >= 0 && k - 1 < n) return (int) (k - 1);
            p = slotOf(k);
        } else if (key instanceof LuaString) {
            p = slotOf((LuaString) key);
        } else {
            p = slotOfOther(key);
        }
        if (p < 0) throw new LuaError("invalid key to 'next'");
        return n + (p >>> 1);
    }

    // ---------------------------------------------------------------- metatable and sizes

    /** The metatable, or null. */
    public LuaTable metatable() {
        return metatable;
    }

    /** Sets the metatable (null removes it). */
    public void setMetatable(LuaTable mt) {
        if (gcMark == heap.markingEpoch) heap.touched(this);
        metatable = mt;
    }

    /** The number of slots in the array part. */
    public int arraySize() {
        return array.length;
    }

    /** The number of key slots in the hash part (0 when it has none). */
    public int hashCapacity() {
        return hash == EMPTY_HASH ? 0 : capacity();
    }

    // ---------------------------------------------------------------- for the collector

    /** What the collector does with each entry of a table it traverses. */
    public interface EntryVisitor {
        /** An entry with a non-nil value; {@code key} is null for the array part's entries. */
        void entry(Object key, Object value);
    }

    /**
     * Calls {@code visitor} with every entry whose value is not nil: the array part's with a
     * null key (so that no integer key is boxed), then the hash part's.
     */
    public void traverse(EntryVisitor visitor) {
        for (Object v : array) {
            if (v != null) visitor.entry(null, v);
        }
        Object[] h = hash;
        for (int p = 0; p < h.length; p += 2) {
            if (h[p + 1] != null) visitor.entry(h[p], h[p + 1]);
        }
    }

    /** Which entries a weak table loses (see {@link #clearEntries}). */
    public interface Cleared {
        /** Whether {@code v}, a key or value of a weak table, was collected. */
        boolean test(Object v);
    }

    /**
     * Removes the entries of a weak table whose value ({@code values}), or whose key in the
     * hash part ({@code keys}), is collected; either may be null to test nothing. A removed
     * key stays as a dead key, so that a traversal in progress may go on past it. No barrier:
     * removing references cannot hide a live object from the mark.
     */
    public void clearEntries(Cleared keys, Cleared values) {
        if (values != null) {
            Object[] a = array;
            for (int i = 0; i < a.length; i++) {
                if (a[i] != null && values.test(a[i])) a[i] = null;
            }
        }
        Object[] h = hash;
        for (int p = 0; p < h.length; p += 2) {
            Object v = h[p + 1];
            if (v != null && (keys != null && keys.test(h[p]) || values != null && values.test(v))) {
                h[p + 1] = null;
            }
        }
    }

    // ---------------------------------------------------------------- hashing

    private int capacity() {
        return hash.length >>> 1;
    }

    /** The key slot where a probe for a key with hash {@code h} starts. */
    private int home(int h) {
        return ((h * GOLDEN) >>> posShift) & ~1;
    }

    /** The hash of an integer key (keyed: see {@link HashKey}). */
    private static int hashLong(long k) {
        return HashKey.ofLong(k);
    }

    /** The hash of a key that is not a string nor an integer (a normalised key). */
    private static int hashOther(Object key) {
        if (key instanceof Double) return hashLong(Double.doubleToRawLongBits((Double) key));
        if (key instanceof Boolean) return key.hashCode();
        return System.identityHashCode(key);
    }

    // Probes test identity first (interned strings); the stored hash filters the other keys
    // before any of them is read. A null key ends the run: the key is absent.

    /** The key slot of {@code key} (live or dead), or -1. */
    private int slotOf(LuaString key) {
        Object[] h = hash;
        int[] hs = hashes;
        int mask = h.length - 1;
        int hc = key.hashCode();
        for (int p = home(hc); ; p = (p + 2) & mask) {
            Object k = h[p];
            if (k == key) return p;
            if (k == null) return -1;
            if (hs[p >>> 1] == hc && key.equals(k)) return p;
        }
    }

    /** The key slot of the integer key {@code key} in the hash part, or -1. */
    private int slotOf(long key) {
        Object[] h = hash;
        int[] hs = hashes;
        int mask = h.length - 1;
        int hc = hashLong(key);
        for (int p = home(hc); ; p = (p + 2) & mask) {
            Object k = h[p];
            if (k == null) return -1;
            if (hs[p >>> 1] == hc && k instanceof Long && (Long) k == key) return p;
        }
    }

    /** The key slot of a normalised key that is not a string nor an integer, or -1. */
    private int slotOfOther(Object key) {
        Object[] h = hash;
        int[] hs = hashes;
        int mask = h.length - 1;
        boolean byValue = key instanceof Double || key instanceof Boolean;
        int hc = hashOther(key);
        for (int p = home(hc); ; p = (p + 2) & mask) {
            Object k = h[p];
            if (k == key) return p;
            if (k == null) return -1;
            if (byValue && hs[p >>> 1] == hc && key.equals(k)) return p;
        }
    }

    /**
     * Adds a key that is absent from the table with a non-null value, rehashing first when the
     * hash part is full ({@code h} is the key's hash).
     */
    private void insert(Object key, int h, Object value) {
        if (used >= maxUsed) {
            rehash(key);
            put(key, value); // the key may now belong to the array part
            return;
        }
        Object[] t = hash;
        int mask = t.length - 1;
        int p = home(h);
        // The key is absent, so the first free or dead slot on its probe run is a valid place.
        while (t[p] != null && t[p + 1] != null) p = (p + 2) & mask;
        if (t[p] == null) used++;
        t[p] = key;
        t[p + 1] = value;
        hashes[p >>> 1] = h;
    }

    /**
     * Stores a key known to be absent, with its hash {@code h}, into a hash part with room and
     * no dead keys (used by resizes).
     */
    private void insertFresh(Object key, int h, Object value) {
        Object[] t = hash;
        int mask = t.length - 1;
        int p = home(h);
        while (t[p] != null) p = (p + 2) & mask;
        used++;
        t[p] = key;
        t[p + 1] = value;
        hashes[p >>> 1] = h;
    }

    // ---------------------------------------------------------------- rehash

    /**
     * Resizes both parts for the live entries plus {@code extraKey}: the array part as
     * ltable.c's computesizes chooses, the hash part for the rest with room to spare.
     */
    private void rehash(Object extraKey) {
        // nums[b] counts integer keys k with 2^(b-1) < k <= 2^b (nums[0] counts k = 1).
        int[] nums = new int[32];
        int intKeys = 0;
        int total = 1;
        Object[] a = array;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != null) nums[ceilLog2(i + 1)]++;
        }
        for (int n : nums) intKeys += n;
        total += intKeys;
        Object[] t = hash;
        for (int p = 0; p < t.length; p += 2) {
            if (t[p + 1] == null) continue;
            total++;
            if (countInt(t[p], nums)) intKeys++;
        }
        if (countInt(extraKey, nums)) intKeys++;
        // Largest power of two n with more than n/2 of the keys 1..n present.
        int inArray = 0, arraySize = 0, below = 0;
        for (int b = 0, twoToB = 1; b <= 30 && intKeys > twoToB / 2; b++, twoToB <<= 1) {
            below += nums[b];
            if (below > twoToB / 2) {
                arraySize = twoToB;
                inArray = below;
            }
        }
        resize(arraySize, capacityFor(total - inArray, true));
    }

    /** Counts {@code key} in {@code nums} if it is an integer key 1..MAX_ARRAY. */
    private static boolean countInt(Object key, int[] nums) {
        if (!(key instanceof Long)) return false;
        long k = (Long) key;
        if (k < 1 || k > MAX_ARRAY) return false;
        nums[ceilLog2((int) k)]++;
        return true;
    }

    /** The least b with {@code k <= 2^b}, for {@code k >= 1}. */
    private static int ceilLog2(int k) {
        return 32 - Integer.numberOfLeadingZeros(k - 1);
    }

    /**
     * The hash capacity for {@code n} keys: 0 for none, else the least power of two (at least 2)
     * that they fill at most half; with {@code spare}, at most 3/8, so that a table that keeps
     * inserting and removing keys rehashes only after O(capacity) insertions, and one that
     * grows doubles.
     */
    private static int capacityFor(int n, boolean spare) {
        if (n <= 0) return 0;
        long need = spare ? (8L * n + 2) / 3 : 2L * n;
        if (need > MAX_HASH) throw new LuaError("table overflow");
        int cap = 2;
        while (cap < need) cap <<= 1;
        return cap;
    }

    /** The load limit, which always leaves a free slot to end a probe run. */
    private static int maxUsedFor(int cap) {
        return cap >>> 1;
    }

    private void allocHash(int cap) {
        if (cap == 0) {
            hash = EMPTY_HASH;
            hashes = EMPTY_HASHES;
            posShift = 31;
            maxUsed = 0;
        } else {
            hash = new Object[2 * cap];
            hashes = new int[cap];
            posShift = 31 - Integer.numberOfTrailingZeros(cap);
            maxUsed = maxUsedFor(cap);
        }
        used = 0;
    }

    /**
     * Gives the table an array part of {@code arraySize} and a hash part of {@code cap} slots,
     * moving every live entry to where it now belongs. Dead keys are dropped.
     */
    private void resize(int arraySize, int cap) {
        long before = Heap.arraySlotBytes(array.length) + Heap.hashSlotBytes(hashCapacity());
        long after = Heap.arraySlotBytes(arraySize) + Heap.hashSlotBytes(cap);
        if (after > before) heap.charge(after - before);
        else heap.release(before - after);
        Object[] oldArray = array;
        Object[] oldHash = hash;
        int[] oldHashes = hashes;
        array = arraySize == oldArray.length ? oldArray
                : arraySize == 0 ? EMPTY_ARRAY : Arrays.copyOf(oldArray, arraySize);
        allocHash(cap);
        for (int i = arraySize; i < oldArray.length; i++) {
            if (oldArray[i] != null) insertFresh((long) i + 1, hashLong(i + 1), oldArray[i]);
        }
        Object[] a = array;
        for (int p = 0; p < oldHash.length; p += 2) {
            Object k = oldHash[p], v = oldHash[p + 1];
            if (v == null) continue;
            if (k instanceof Long && (Long) k - 1 >= 0 && (Long) k - 1 < a.length) {
                a[(int) ((Long) k - 1)] = v;
            } else {
                insertFresh(k, oldHashes[p >>> 1], v);
            }
        }
    }
}
