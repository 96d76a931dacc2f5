package dev.moonlet.lib;

/**
 * Thrown by {@code os.exit}: the script asks the host to end the program with
 * {@link #status()}. The library never calls {@link System#exit}; the {@code moonlet} command
 * does, after closing the instance when {@link #close()} asks for it.
 *
 * <p>Like {@link ThreadDeath}, it is an {@link Error}, so that nothing on its way treats it as
 * a failure: {@code pcall} does not catch it (it is not a Lua error), and the executor, which
 * turns stray runtime exceptions into Lua errors, lets it leave {@code Executor.step}. The
 * executor is unusable afterwards, as after an exit.
 *
 * <pre>{@code
 * try {
 *     status = executor.step(fuel);
 * } catch (OsExit exit) {
 *     System.exit(exit.status());
 * }
 * }</pre>
 */
public final class OsExit extends Error {
    private final int status;
    private final boolean close;

    /**
     * @param status the process exit status (0 for {@code os.exit(true)}, 1 for {@code false})
     * @param close whether the script asked to close the instance first ({@code os.exit(code, true)})
     */
    public OsExit(int status, boolean close) {
        super("os.exit(" + status + ")", null, false, false);
        this.status = status;
        this.close = close;
    }

    /** The exit status the script asked for. */
    public int status() {
        return status;
    }

    /** Whether the instance should be closed (its pending {@code __gc} and {@code __close} run) before exiting. */
    public boolean close() {
        return close;
    }
}
