package dev.moonlet.playground;

import dev.moonlet.vm.Executor;

/**
 * One evaluation on a {@link Machine}: the executor running the visitor's code (then the one
 * formatting its results), the console it belongs to, and its fuel account.
 */
final class Task {
    /** Where its {@code print} goes; the page's console it reports to. */
    final ConsoleOutput output;
    /** The page's number for this evaluation of the console; events carry it. */
    final long run;
    /** The language of its code. */
    final Language language;
    /** The fuel it may use in all; {@code out of fuel} past it. */
    final long fuelBudget;
    /** The executor stepped now: the code's, then the formatter's. */
    Executor executor;
    /** Whether {@link #executor} is formatting the code's results for display. */
    boolean formatting;
    /** The fuel used so far. */
    long fuelUsed;
    /** Whether its last slice wrote output: then it waits for the session's output budget. */
    boolean wroteOutput;
    /** Whether its last step found it waiting for a future. */
    boolean waiting;

    Task(ConsoleOutput output, long run, Language language, long fuelBudget, Executor executor) {
        this.output = output;
        this.run = run;
        this.language = language;
        this.fuelBudget = fuelBudget;
        this.executor = executor;
    }

    /** The fuel its next slice may use: {@code slice}, or what is left of its budget. */
    long nextSlice(long slice) {
        return Math.min(slice, fuelBudget - fuelUsed);
    }
}
