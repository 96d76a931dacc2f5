package dev.moonlet.value;

import java.util.Arrays;

/**
 * A Lua table: an array part holding the values of keys {@code 1..arraySize()} and a hash part
 * holding every other key, as in PUC-Rio Lua (ltable.c).
 *
 * <p>The hash part is a chained scatter table with Brent's variation, like ltable.c's: a
 * power-of-two number of nodes, each a key, a value, the key's hash and a link to the next
 * node of its chain. A key lives in its <em>main position</em> (the node its hash selects) or
 * in a chain that starts there; a key found in another key's main position is moved out when
 * that key arrives. So a chain holds few keys other than those sharing its main position, a
 * miss usually stops at a free or short chain, and the table may fill up completely before it
 * grows. Nodes are laid out in two arrays: {@code node[2i]} key and {@code node[2i+1]} value
 * (so a hit reads one array), {@code meta[2i]} hash and {@code meta[2i+1]} link (so a chain
 * walk skips other keys without reading them).
 *
 * <p>Removing a key only clears its value: the key stays (a dead key), found by lookups and
 * by {@link #nextIndex}, until the next rehash, so a traversal may assign nil to fields. A new
 * key may take the place of a dead key in its main position.
 *
 * <p>Keys are normalised: a float with an integral value is stored as that integer (so
 * {@code t[1.0]} is {@code t[1]}, and {@code -0.0} is {@code 0}). Strings are equal by bytes,
 * integers and floats by value, everything else by identity.
 *
 * <p>When a new key finds no free node, the table is rehashed as ltable.c does: the array
 * part gets the largest power-of-two size n such that more than n/2 of the keys {@code 1..n}
 * are present, and the hash part is sized for the other keys. So {@code t[#t+1] = v} in a loop
 * is amortised O(1) and fills the array part.
 *
 * <p>Iteration ({@code next}):
 * <pre>{@code
 * for (int i = t.nextIndex(null); i >= 0; i = t.nextIndex(t.keyAt(i))) {
 *     use(t.keyAt(i), t.valueAt(i));
 * }
 * }</pre>
 * Not thread-safe: a table belongs to one instance, which one thread runs at a time.
 */
public final class LuaTable {
    /** The largest array part (and the largest integer key the rehash counts for it). */
    private static final int MAX_ARRAY = 1 << 30;
    /** The largest number of nodes in the hash part. */
    private static final int MAX_NODES = 1 << 29;
    private static final Object[] EMPTY_ARRAY = {};
    /**
     * The hash part of every table without one: one free node with no link, so lookups need no
     * emptiness test. It is never written: a new key rehashes first.
     */
    private static final Object[] DUMMY_NODE = new Object[2];
    private static final int[] DUMMY_META = new int[2];
    /** Fibonacci hashing multiplier (2^32 / golden ratio). */
    private static final int GOLDEN = 0x9E3779B9;

    /** Values of keys 1..array.length; null for absent. */
    private Object[] array = EMPTY_ARRAY;
    /**
     * Node p (p even): key at node[p], value at node[p+1]. A null key is a free node (never
     * linked into a chain); a key with a null value is a dead key.
     */
    private Object[] node = DUMMY_NODE;
    /** Node p: the key's hash at meta[p]; meta[p+1] is the next node of its chain plus 1, or 0. */
    private int[] meta = DUMMY_META;
    /** Main position = (mixed hash >>> posShift) & ~1, with posShift = 31 - log2(nodes). */
    private int posShift = 31;
    /** Every node at or above this position is in use; free nodes are searched below it. */
    private int lastFree;
    /** A guess at a border inside the array part, to make {@code #t} O(1) while appending. */
    private int borderHint;
    private LuaTable metatable;

    /**
     * Cached "this metamethod is absent" bits, owned by the virtual machine. The table resets it
     * to 0 whenever a field whose key is a string starting with {@code "__"} goes from nil to
     * non-nil (the only change that can make a cached absence wrong).
     */
    public int metaAbsent;

    /** An empty table. */
    public LuaTable() {}

    /**
     * An empty table with room for {@code narray} array items ({@code 1..narray}) and
     * {@code nhash} other keys before it needs to grow, as a table constructor knows them.
     */
    public LuaTable(int narray, int nhash) {
        if (narray > 0) array = new Object[Math.min(narray, MAX_ARRAY)];
        if (nhash > 0) allocNodes(nodesFor(nhash));
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
        int p = nodeOfOther(key);
        return p < 0 ? null : node[p + 1];
    }

    /** The raw value of the integer key {@code key}, or null if absent. */
    public Object get(long key) {
        Object[] a = array;
        long i = key - 1;
        if (i >= 0 && i < a.length) return a[(int) i];
        int p = nodeOf(key);
        return p < 0 ? null : node[p + 1];
    }

    /** The raw value of the string key {@code key}, or null if absent. */
    public Object get(LuaString key) {
        int p = nodeOf(key);
        return p < 0 ? null : node[p + 1];
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
            if (key instanceof Double && Double.isNaN((Double) key)) throw new LuaError("table index is NaN");
            int p = nodeOfOther(key);
            if (p >= 0) {
                node[p + 1] = value;
            } else if (value != null) {
                insert(key, hashOther(key), value);
            }
        }
    }

    /** Sets the raw value of the integer key {@code key}; a null value removes the field. */
    public void put(long key, Object value) {
        Object[] a = array;
        long i = key - 1;
        if (i >= 0 && i < a.length) {
            a[(int) i] = value;
            return;
        }
        int p = nodeOf(key);
        if (p >= 0) {
            node[p + 1] = value;
        } else if (value != null) {
            insert(key, hashLong(key), value);
        }
    }

    /** Sets the raw value of the string key {@code key}; a null value removes the field. */
    public void put(LuaString key, Object value) {
        int p = nodeOf(key);
        if (p >= 0) {
            Object[] n = node;
            if (n[p + 1] == null && value != null && key.isDunder()) metaAbsent = 0;
            n[p + 1] = value;
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
        if (node != DUMMY_NODE && get((long) n + 1) != null) return hashBorder(n);
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
        // Double j until t[j] is absent; invariant: t[i] present.
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
        Object[] a = array;
        int i = key == null ? 0 : indexOf(key) + 1;
        for (; i < a.length; i++) {
            if (a[i] != null) return i;
        }
        Object[] n = node;
        for (int p = 2 * (i - a.length) + 1; p < n.length; p += 2) {
            if (n[p] != null) return a.length + (p >>> 1);
        }
        return -1;
    }

    /** The key at iteration index {@code index} (as returned by {@link #nextIndex}). */
    public Object keyAt(int index) {
        int n = array.length;
        return index < n ? Long.valueOf(index + 1L) : node[2 * (index - n)];
    }

    /** The value at iteration index {@code index} (as returned by {@link #nextIndex}). */
    public Object valueAt(int index) {
        Object[] a = array;
        return index < a.length ? a[index] : node[2 * (index - a.length) + 1];
    }

    /** The iteration index of a key in the table, live or dead. */
    private int indexOf(Object key) {
        int n = array.length;
        if (key instanceof Double && LuaNumber.isInteger((Double) key)) key = (long) (double) (Double) key;
        int p;
        if (key instanceof Long) {
            long k = (Long) key;
            if (k - 1 >= 0 && k - 1 < n) return (int) (k - 1);
            p = nodeOf(k);
        } else if (key instanceof LuaString) {
            p = nodeOf((LuaString) key);
        } else {
            p = nodeOfOther(key);
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
        metatable = mt;
    }

    /** The number of slots in the array part. */
    public int arraySize() {
        return array.length;
    }

    /** The number of nodes in the hash part (0 when it has none). */
    public int hashCapacity() {
        return node == DUMMY_NODE ? 0 : node.length >>> 1;
    }

    // ---------------------------------------------------------------- hashing

    /** The main position (an even index into node and meta) of a key with hash {@code h}. */
    private int mainPosition(int h) {
        return ((h * GOLDEN) >>> posShift) & ~1;
    }

    /**
     * The hash of an integer key. The multiply mixes the high half into the low half, so
     * that keys such as {@code x * (2^32 + 1)} do not all collide as with Long.hashCode.
     */
    private static int hashLong(long k) {
        long m = k * 0x9E3779B97F4A7C15L;
        return (int) (m ^ (m >>> 32));
    }

    /** The hash of a key that is not a string nor an integer (a normalised key). */
    private static int hashOther(Object key) {
        if (key instanceof Double) return hashLong(Double.doubleToRawLongBits((Double) key));
        if (key instanceof Boolean) return key.hashCode();
        return System.identityHashCode(key);
    }

    // Lookups walk the chain from the key's main position. Identity is tested first (interned
    // strings); the stored hash filters the other keys before any of them is read.

    /** The node of {@code key} (live or dead), or -1. */
    private int nodeOf(LuaString key) {
        Object[] n = node;
        int[] m = meta;
        int hc = key.hashCode();
        for (int p = mainPosition(hc); ; p = m[p + 1] - 1) {
            Object k = n[p];
            if (k == key || (m[p] == hc && key.equals(k))) return p;
            if (m[p + 1] == 0) return -1;
        }
    }

    /** The node of the integer key {@code key} in the hash part, or -1. */
    private int nodeOf(long key) {
        Object[] n = node;
        int[] m = meta;
        int hc = hashLong(key);
        for (int p = mainPosition(hc); ; p = m[p + 1] - 1) {
            Object k = n[p];
            if (m[p] == hc && k instanceof Long && (Long) k == key) return p;
            if (m[p + 1] == 0) return -1;
        }
    }

    /** The node of a normalised key that is not a string nor an integer, or -1. */
    private int nodeOfOther(Object key) {
        Object[] n = node;
        int[] m = meta;
        boolean byValue = key instanceof Double || key instanceof Boolean;
        int hc = hashOther(key);
        for (int p = mainPosition(hc); ; p = m[p + 1] - 1) {
            Object k = n[p];
            if (k == key || (byValue && m[p] == hc && key.equals(k))) return p;
            if (m[p + 1] == 0) return -1;
        }
    }

    // ---------------------------------------------------------------- insertion

    /**
     * Adds a key that is absent from the table, with hash {@code h} and a non-null value,
     * rehashing first when no node is free.
     */
    private void insert(Object key, int h, Object value) {
        if (!place(key, h, value)) {
            rehash(key);
            put(key, value); // the key may now belong to the array part
        }
    }

    /**
     * Stores an absent key in the hash part (ltable.c luaH_newkey): in its main position if
     * that is free or holds a dead key; else, if the key there is out of its own main position,
     * that key moves to a free node and the new key takes its place; else the new key goes to
     * a free node chained after its main position.
     *
     * @return false, changing nothing, if a free node was needed and there is none
     */
    private boolean place(Object key, int h, Object value) {
        Object[] n = node;
        int[] m = meta;
        if (n == DUMMY_NODE) return false;
        int mp = mainPosition(h);
        if (n[mp + 1] != null) {
            int f = freeNode();
            if (f < 0) return false;
            int other = mainPosition(m[mp]);
            if (other != mp) {
                // Relink the chain that passes through mp to f, then move the node to f.
                while (m[other + 1] - 1 != mp) other = m[other + 1] - 1;
                m[other + 1] = f + 1;
                n[f] = n[mp];
                n[f + 1] = n[mp + 1];
                m[f] = m[mp];
                m[f + 1] = m[mp + 1];
                m[mp + 1] = 0;
            } else {
                m[f + 1] = m[mp + 1];
                m[mp + 1] = f + 1;
                mp = f;
            }
        }
        n[mp] = key;
        n[mp + 1] = value;
        m[mp] = h;
        return true;
    }

    /** A free node below {@code lastFree}, or -1 when none is left. */
    private int freeNode() {
        Object[] n = node;
        while (lastFree > 0) {
            lastFree -= 2;
            if (n[lastFree] == null) return lastFree;
        }
        return -1;
    }

    // ---------------------------------------------------------------- rehash

    /**
     * Resizes both parts for the live entries plus {@code extraKey}: the array part as
     * ltable.c's computesizes chooses, the hash part for the rest.
     */
    private void rehash(Object extraKey) {
        // nums[b] counts integer keys k with 2^(b-1) < k <= 2^b (nums[0] counts k = 1).
        int[] nums = new int[32];
        Object[] a = array;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != null) nums[ceilLog2(i + 1)]++;
        }
        int intKeys = 0;
        for (int c : nums) intKeys += c;
        int total = intKeys + 1;
        Object[] n = node;
        for (int p = 0; p < n.length; p += 2) {
            if (n[p + 1] == null) continue;
            total++;
            if (countInt(n[p], nums)) intKeys++;
        }
        if (countInt(extraKey, nums)) intKeys++;
        // Largest power of two size with more than half of the keys 1..size present.
        int inArray = 0, arraySize = 0, below = 0;
        for (int b = 0, twoToB = 1; b <= 30 && intKeys > twoToB / 2; b++, twoToB <<= 1) {
            below += nums[b];
            if (below > twoToB / 2) {
                arraySize = twoToB;
                inArray = below;
            }
        }
        int rest = total - inArray;
        // A quarter to spare, so that a table that keeps adding and removing keys rehashes
        // only after a number of insertions proportional to its size.
        resize(arraySize, nodesFor(rest + rest / 4));
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

    /** The number of nodes for {@code n} keys: 0 for none, else the least power of two >= n. */
    private static int nodesFor(int n) {
        if (n <= 0) return 0;
        if (n > MAX_NODES) throw new LuaError("table overflow");
        return n == 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    private void allocNodes(int count) {
        if (count == 0) {
            node = DUMMY_NODE;
            meta = DUMMY_META;
            posShift = 31;
        } else {
            node = new Object[2 * count];
            meta = new int[2 * count];
            posShift = 31 - Integer.numberOfTrailingZeros(count);
        }
        lastFree = node == DUMMY_NODE ? 0 : node.length;
    }

    /**
     * Gives the table an array part of {@code arraySize} slots and a hash part of
     * {@code nodes} nodes (enough for the live entries that do not fit the array), moving
     * every live entry to where it now belongs. Dead keys are dropped.
     */
    private void resize(int arraySize, int nodes) {
        Object[] oldArray = array;
        Object[] oldNode = node;
        int[] oldMeta = meta;
        array = arraySize == oldArray.length ? oldArray
                : arraySize == 0 ? EMPTY_ARRAY : Arrays.copyOf(oldArray, arraySize);
        allocNodes(nodes);
        for (int i = arraySize; i < oldArray.length; i++) {
            if (oldArray[i] != null) place((long) i + 1, hashLong(i + 1), oldArray[i]);
        }
        Object[] a = array;
        for (int p = 0; p < oldNode.length; p += 2) {
            Object k = oldNode[p], v = oldNode[p + 1];
            if (v == null) continue;
            if (k instanceof Long && (Long) k - 1 >= 0 && (Long) k - 1 < a.length) {
                a[(int) ((Long) k - 1)] = v;
            } else {
                place(k, oldMeta[p], v);
            }
        }
    }
}
