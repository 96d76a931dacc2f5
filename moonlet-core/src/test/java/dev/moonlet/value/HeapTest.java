package dev.moonlet.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapTest {
    @Test
    void tableGrowthIsChargedAndRefusedOverTheLimit() {
        Heap heap = new Heap();
        heap.setLimit(100_000);
        LuaTable t = new LuaTable(heap);
        long n = 0;
        LuaError e = assertThrows(LuaError.class, () -> {
            for (long i = 1; ; i++) t.put(i, (Object) i);
        });
        assertEquals(Heap.NOT_ENOUGH_MEMORY, e.value());
        assertTrue(heap.used() <= 100_000, "used " + heap.used());
        // The refused growth left the table whole: every stored key is still there.
        for (long i = 1; t.get(i) != null; i++) n = i;
        assertEquals(n, t.length());
        assertTrue(n > 1000, "stored " + n);
    }

    @Test
    void aRequestLargerThanTheLimitIsRefusedWithoutAskingTheCollector() {
        Heap heap = new Heap();
        heap.setLimit(1 << 20);
        heap.setReclaimer(() -> { throw new AssertionError("collector asked"); });
        assertThrows(LuaError.class, () -> heap.charge(Heap.stringBytes(1L << 40)));
        assertEquals(0, heap.used());
    }

    @Test
    void theReclaimerSettlesTheCountBeforeTheChargeIsRefused() {
        Heap heap = new Heap();
        heap.setLimit(1000);
        heap.charge(900);
        heap.setReclaimer(() -> heap.settle(100, 0));
        heap.charge(500);
        assertEquals(600, heap.used());
        assertEquals(900, heap.peak());
    }

    /**
     * Each emergency collection here frees a little garbage, a bit more than the next charge
     * needs: without spare room required, every charge at the limit marked everything again,
     * and the loop never ended (a task flooding a mailbox hung this way).
     */
    @Test
    void aScriptLivingAtItsLimitIsRefusedInsteadOfMarkedOnEveryCharge() {
        Heap heap = new Heap();
        heap.setLimit(16_000);
        int[] marks = {0};
        heap.setReclaimer(() -> {
            marks[0]++;
            heap.settle(Math.max(0, heap.used() - 10), 0);
        });
        int charges = 0;
        try {
            while (charges < 100_000) {
                heap.charge(8);
                charges++;
            }
        } catch (LuaError e) {
            assertEquals(Heap.NOT_ENOUGH_MEMORY, e.value());
        }
        assertTrue(charges < 100_000, "never refused");
        assertEquals(1, marks[0]);
    }
}
