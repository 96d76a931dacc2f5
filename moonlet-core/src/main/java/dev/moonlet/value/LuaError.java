package dev.moonlet.value;

/**
 * A Lua error: the value given to {@code error} (any Lua value, usually a string with a
 * {@code "chunk:line: "} position prefix), carried as a cheap Java exception.
 *
 * <p>Inside a step, errors are thrown and caught by the executor, which unwinds heap frames to
 * the nearest protected call. An error that nothing catches reaches the embedder as the value
 * of a failed status, with the traceback recorded where it was raised. No Java stack trace is
 * ever captured.
 */
public class LuaError extends RuntimeException {
    private final Object value;
    private String traceback;

    /** An error whose Lua value is {@code value} (a {@link LuaString}, a table, nil, ...). */
    public LuaError(Object value) {
        super(null, null, false, false);
        this.value = value;
    }

    /** An error whose value is the Lua string {@code message}. */
    public LuaError(String message) {
        this(LuaString.of(message));
    }

    /** The Lua value of this error. */
    public Object value() {
        return value;
    }

    /** The traceback recorded where the error was raised, or null if none was recorded. */
    public String traceback() {
        return traceback;
    }

    /** Records the traceback; only the first one recorded is kept. */
    public void setTraceback(String traceback) {
        if (this.traceback == null) this.traceback = traceback;
    }

    /** The error value as text when it is a string or a number, as Lua prints them. */
    @Override
    public String getMessage() {
        if (value instanceof LuaString || value instanceof Long) return String.valueOf(value);
        if (value instanceof Double) return LuaNumber.toLuaString((Double) value).toString();
        return "(error object is not a string)";
    }
}
