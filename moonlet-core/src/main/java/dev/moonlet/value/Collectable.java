package dev.moonlet.value;

/**
 * A value the collector marks (tables, strings, functions, coroutines, userdata, and the
 * upvalues and prototypes they hold). Marking never sweeps anything (the JVM frees memory):
 * each collection cycle has a new epoch, and an object is reached in that cycle when its
 * {@link #gcMark} is the epoch (black, or gray waiting to be traversed) or minus the epoch
 * (gray again: reached, then changed or always rescanned, to be traversed again before the
 * cycle ends). Any other value means unreached (white), so starting a cycle whitens every
 * object at once.
 */
public abstract class Collectable {
    /** The collector's mark (see the class comment); only the collector writes it. */
    public int gcMark;
}
