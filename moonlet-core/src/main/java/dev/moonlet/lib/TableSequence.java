package dev.moonlet.lib;

import dev.moonlet.vm.Instance;
import dev.moonlet.vm.Marker;

/**
 * A {@link MetaSequence} of the table library that works on the list given as its first
 * argument ({@code table.insert}, {@code remove}, {@code concat}, {@code unpack},
 * {@code sort}): it keeps the call's arguments and shows them to the collector.
 */
abstract class TableSequence extends MetaSequence {
    /** The builtin's arguments. */
    final Object[] args;
    /** The list: the first argument (nil when there is none). */
    final Object t;

    TableSequence(Instance instance, int registers, Object[] args) {
        super(instance, registers);
        this.args = args;
        this.t = Args.arg(args, 0);
    }

    @Override
    public void trace(Marker m) {
        super.trace(m);
        m.markAll(args);
    }
}
