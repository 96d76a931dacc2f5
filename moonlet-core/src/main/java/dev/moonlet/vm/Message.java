package dev.moonlet.vm;

import dev.moonlet.value.Collectable;
import dev.moonlet.value.Heap;

/**
 * A message waiting in a task's mailbox: the values of one {@code task.send}. It is an object
 * of the instance's heap, charged when sent and counted by the collector at the same size
 * ({@link #bytes}), so that a flooded mailbox stays under the memory limit.
 */
final class Message extends Collectable {
    final Object[] values;

    Message(Object[] values) {
        this.values = values;
    }

    /** What a message of {@code count} values is taken to cost. */
    static long bytes(int count) {
        return 24 + Heap.arraySlotBytes(count);
    }
}
