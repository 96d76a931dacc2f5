package dev.moonlet.playground;

import dev.moonlet.vm.Task;

/**
 * One evaluation on a {@link Machine}'s console: the task running the visitor's code (then
 * the one formatting its results), the console it writes to, and its fuel account. It is the
 * {@linkplain Task#group() group} of its tasks, so the tasks the code spawns with
 * {@code task.spawn} belong to it too: they print to its console, spend its fuel, and stop
 * with it.
 */
final class Evaluation {
    /** Where its tasks' {@code print} goes; the page's console it reports to. */
    final ConsoleOutput output;
    /** The page's number for this evaluation of the console; events carry it. */
    final long run;
    /** The language of its code. */
    final Language language;
    /** The fuel all its tasks may use together; {@code out of fuel} past it. */
    final long fuelBudget;
    /** The task running the code, until it has ended (then the result is shown). */
    Task main;
    /** The task formatting the code's results with {@code tostring}, while it runs. */
    Task formatter;
    /** The fuel its tasks have used so far. */
    long fuelUsed;

    Evaluation(ConsoleOutput output, long run, Language language, long fuelBudget) {
        this.output = output;
        this.run = run;
        this.language = language;
        this.fuelBudget = fuelBudget;
    }

    /** Whether its code or the formatting of its results still runs (its result is not shown yet). */
    boolean isRunning() {
        return main != null || formatter != null;
    }

    /** The fuel left of its budget (negative when a slice went past it). */
    long fuelLeft() {
        return fuelBudget - fuelUsed;
    }
}
