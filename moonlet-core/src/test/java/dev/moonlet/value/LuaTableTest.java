package dev.moonlet.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Raw table semantics: keys, borders, traversal, growth. */
class LuaTableTest {

    private static LuaString s(String text) {
        return LuaString.of(text);
    }

    /** Whether {@code n} is a border of {@code t}: t[n] non-nil (or n == 0), t[n+1] nil. */
    private static boolean isBorder(LuaTable t, long n) {
        return (n == 0 || t.get(n) != null) && (n == Long.MAX_VALUE || t.get(n + 1) == null);
    }

    /** The keys and values a full traversal visits, in order. */
    private static List<Object[]> traverse(LuaTable t) {
        List<Object[]> r = new ArrayList<>();
        for (int i = t.nextIndex(null); i >= 0; i = t.nextIndex(t.keyAt(i))) {
            r.add(new Object[] {t.keyAt(i), t.valueAt(i)});
        }
        return r;
    }

    @Test
    void stringKeysCompareByBytes() {
        LuaTable t = new LuaTable();
        t.put(s("x"), 1L);
        assertEquals(1L, t.get(s("x")));
        assertEquals(1L, t.get((Object) LuaString.copyOf(new byte[] {'x'})));
        t.put(s("x"), null);
        assertNull(t.get(s("x")));
    }

    @Test
    void integralFloatKeysAreIntegers() {
        LuaTable t = new LuaTable();
        t.put(1.0, "one");
        assertEquals("one", t.get(1L));
        t.put(-0.0, "zero");
        assertEquals("zero", t.get(0L));
        assertEquals("zero", t.get((Object) 0.0));
        t.put(0x1p53, "big");
        assertEquals("big", t.get(1L << 53));
        t.put(0.5, "half");
        assertEquals("half", t.get((Object) 0.5));
        assertNull(t.get(2L));
        t.put(0x1p63, "float");
        assertNull(t.get(Long.MAX_VALUE));
        assertEquals("float", t.get((Object) 0x1p63));
        for (Object[] kv : traverse(t)) {
            boolean integral = kv[0] instanceof Double && LuaNumber.isInteger((Double) kv[0]);
            assertTrue(!integral, "stored an integral float key " + kv[0]);
        }
    }

    @Test
    void otherKeysCompareByIdentityOrValue() {
        LuaTable t = new LuaTable();
        LuaTable k1 = new LuaTable(), k2 = new LuaTable();
        t.put(k1, "a");
        t.put(k2, "b");
        t.put(Boolean.TRUE, "t");
        t.put(Boolean.FALSE, "f");
        assertEquals("a", t.get(k1));
        assertEquals("b", t.get(k2));
        assertEquals("t", t.get(true));
        assertEquals("f", t.get(false));
        assertNull(t.get(new LuaTable()));
    }

    @Test
    void nilAndNaNKeysAreErrors() {
        LuaTable t = new LuaTable();
        LuaError e = assertThrows(LuaError.class, () -> t.put((Object) null, 1L));
        assertEquals("table index is nil", e.getMessage());
        e = assertThrows(LuaError.class, () -> t.put(Double.NaN, 1L));
        assertEquals("table index is NaN", e.getMessage());
        assertNull(t.get((Object) null));
        assertNull(t.get((Object) Double.NaN));
    }

    @Test
    void bordersOfSimplePatterns() {
        LuaTable t = new LuaTable();
        assertEquals(0, t.length());
        for (long i = 1; i <= 10; i++) t.put(i, (Object) i);
        assertEquals(10, t.length());
        t.put(10L, null);
        assertEquals(9, t.length());
        t.put(1L, null);
        assertTrue(isBorder(t, t.length()));

        LuaTable c = new LuaTable(5, 0); // {1, 2, 3, nil, 5}
        c.put(1, (Object) 1L);
        c.put(2, (Object) 2L);
        c.put(3, (Object) 3L);
        c.put(5, (Object) 5L);
        assertEquals(5, c.length()); // as lua5.4: the array part is full up to its size

        LuaTable h = new LuaTable(0, 4); // integer keys that live in the hash part
        h.put(s("a"), 1L);
        h.put(1, (Object) 1L);
        h.put(2, (Object) 2L);
        assertEquals(2, h.length());

        LuaTable sparse = new LuaTable();
        sparse.put(1, (Object) 1L);
        sparse.put(1L << 40, (Object) 1L);
        assertEquals(1, sparse.length());
    }

    @Test
    void borderIsAlwaysABorderAfterRandomEdits() {
        Random rnd = new Random(42);
        for (int round = 0; round < 200; round++) {
            LuaTable t = new LuaTable();
            int n = rnd.nextInt(300);
            for (int i = 0; i < n; i++) {
                long k = 1 + rnd.nextInt(Math.max(1, n));
                t.put(k, rnd.nextInt(4) == 0 ? null : (Object) k);
                if (rnd.nextInt(8) == 0) t.put(s("k" + i), 1L);
                long b = t.length();
                assertTrue(isBorder(t, b), "not a border: " + b);
            }
        }
    }

    @Test
    void borderSearchesTheHashPartUnbounded() {
        LuaTable t = new LuaTable();
        t.put(s("x"), 1L); // integer keys now start in the hash part
        for (long i = 1; i <= 5; i++) t.put(i, (Object) i);
        assertTrue(isBorder(t, t.length()));
        LuaTable max = new LuaTable();
        max.put(Long.MAX_VALUE, (Object) 1L);
        max.put(Long.MAX_VALUE - 1, (Object) 1L);
        assertEquals(0, max.length());
    }

    @Test
    void aMillionAppendsFillTheArrayPart() {
        LuaTable t = new LuaTable();
        long start = System.nanoTime();
        for (int i = 0; i < 1_000_000; i++) t.put(t.length() + 1, Boolean.TRUE);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1_000_000, t.length());
        assertTrue(t.arraySize() >= 1_000_000);
        assertEquals(0, t.hashCapacity());
        assertTrue(millis < 5_000, "appends took " + millis + " ms");
    }

    @Test
    void traversalVisitsEveryEntryOnce() {
        LuaTable t = new LuaTable();
        Map<Object, Object> model = new HashMap<>();
        for (long i = 1; i <= 20; i++) {
            t.put(i, (Object) i);
            model.put(i, i);
        }
        for (int i = 0; i < 20; i++) {
            t.put(s("k" + i), (long) i);
            model.put(s("k" + i), (long) i);
        }
        t.put(2.5, "f");
        model.put(2.5, "f");
        Map<Object, Object> seen = new HashMap<>();
        for (Object[] kv : traverse(t)) {
            if (seen.put(kv[0], kv[1]) != null) fail("visited twice: " + kv[0]);
        }
        assertEquals(model, seen);
    }

    @Test
    void traversalIsStableWhileFieldsAreClearedAndAssigned() {
        LuaTable t = new LuaTable();
        Set<Object> keys = new HashSet<>();
        for (long i = 1; i <= 50; i++) {
            t.put(i, (Object) i);
            keys.add(i);
            t.put(s("s" + i), i);
            keys.add(s("s" + i));
        }
        Set<Object> seen = new HashSet<>();
        for (int i = t.nextIndex(null); i >= 0; i = t.nextIndex(t.keyAt(i))) {
            Object k = t.keyAt(i);
            assertTrue(seen.add(k), "visited twice: " + k);
            t.put(k, null); // clear the current field: next(t, k) must still work
        }
        assertEquals(keys, seen);
        assertEquals(-1, t.nextIndex(null));

        LuaTable u = new LuaTable();
        for (int i = 0; i < 40; i++) u.put(s("a" + i), (long) i);
        List<Object> order = new ArrayList<>();
        for (Object[] kv : traverse(u)) order.add(kv[0]);
        List<Object> again = new ArrayList<>();
        for (int i = u.nextIndex(null); i >= 0; i = u.nextIndex(u.keyAt(i))) {
            Object k = u.keyAt(i);
            again.add(k);
            u.put(k, "changed"); // assigning existing fields keeps the order
        }
        assertEquals(order, again);
    }

    @Test
    void nextRejectsAbsentKeys() {
        LuaTable t = new LuaTable();
        t.put(s("a"), 1L);
        LuaError e = assertThrows(LuaError.class, () -> t.nextIndex(s("b")));
        assertEquals("invalid key to 'next'", e.getMessage());
        assertThrows(LuaError.class, () -> t.nextIndex(7L));
        t.put(s("a"), null);
        assertEquals(-1, t.nextIndex(s("a"))); // a dead key is still accepted
    }

    @Test
    void storingAMetamethodNameResetsTheAbsentCache() {
        LuaTable mt = new LuaTable();
        mt.metaAbsent = -1;
        mt.put(s("name"), 1L);
        assertEquals(-1, mt.metaAbsent);
        mt.put(s("__index"), mt);
        assertEquals(0, mt.metaAbsent);
        mt.metaAbsent = -1;
        mt.put(s("__index"), null);
        mt.put((Object) s("__index"), mt); // a dead key coming back to life
        assertEquals(0, mt.metaAbsent);
    }

    @Test
    void removedKeysDoNotAccumulate() {
        LuaTable t = new LuaTable();
        for (int i = 0; i < 100_000; i++) {
            t.put(s("k" + i), (Object) (long) i);
            if (i >= 100) t.put(s("k" + (i - 100)), null);
        }
        assertTrue(t.hashCapacity() <= 1024, "capacity " + t.hashCapacity());
        assertEquals(99_999L, t.get(s("k99999")));
        assertNull(t.get(s("k0")));
    }

    @Test
    void ensureArrayMovesIntegerKeysOutOfTheHashPart() {
        LuaTable t = new LuaTable();
        t.put(s("x"), 1L);
        t.put(3L, "three");
        t.ensureArray(10);
        assertEquals(10, t.arraySize());
        assertEquals("three", t.get(3L));
        assertEquals(1L, t.get(s("x")));
    }

    @Test
    void behavesLikeAMapUnderRandomInsertsAndDeletes() {
        Random rnd = new Random(7);
        Object[] objects = {new Object(), new LuaTable(), Boolean.TRUE, Boolean.FALSE};
        for (int round = 0; round < 20; round++) {
            LuaTable t = new LuaTable(rnd.nextInt(4), rnd.nextInt(4));
            Map<Object, Object> model = new HashMap<>();
            for (int op = 0; op < 20_000; op++) {
                Object key = randomKey(rnd, objects);
                Object value = rnd.nextInt(3) == 0 ? null : (Object) (long) op;
                t.put(key, value);
                Object norm = normalise(key);
                if (value == null) model.remove(norm);
                else model.put(norm, value);
                if (op % 997 == 0) checkSame(t, model);
            }
            checkSame(t, model);
            assertTrue(isBorder(t, t.length()));
        }
    }

    /** A random key from a small space, with equal keys often built as different objects. */
    private static Object randomKey(Random rnd, Object[] objects) {
        switch (rnd.nextInt(6)) {
            case 0: return (long) rnd.nextInt(200) - 10;
            case 1: return (double) rnd.nextInt(200);
            case 2: return rnd.nextInt(100) + 0.5;
            case 3: return LuaString.of("k" + rnd.nextInt(300));
            case 4: return rnd.nextLong() >> rnd.nextInt(64);
            default: return objects[rnd.nextInt(objects.length)];
        }
    }

    private static Object normalise(Object key) {
        if (key instanceof Double && LuaNumber.isInteger((Double) key)) return (long) (double) (Double) key;
        return key;
    }

    private static void checkSame(LuaTable t, Map<Object, Object> model) {
        for (Map.Entry<Object, Object> e : model.entrySet()) {
            assertEquals(e.getValue(), t.get(e.getKey()), "key " + e.getKey());
        }
        Map<Object, Object> seen = new HashMap<>();
        for (Object[] kv : traverse(t)) {
            if (seen.put(kv[0], kv[1]) != null) fail("visited twice: " + kv[0]);
        }
        assertEquals(model, seen);
    }
}
