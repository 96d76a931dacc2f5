package dev.moonlet.api;

import dev.moonlet.value.Heap;
import dev.moonlet.vm.Instance;
import java.util.Locale;

/**
 * What one instance may use: memory, fuel, call depth and string length. A value: start from
 * {@link #NONE} and change what you need with the {@code with...} methods, then give it to
 * {@link Lua#setLimits}.
 *
 * <pre>{@code
 * Lua lua = new Lua();
 * lua.setLimits(Limits.NONE
 *         .withMemory(Limits.parseSize("64m"))   // accounted bytes
 *         .withFuel(50_000_000)                  // total work, over every step
 *         .withCallDepth(200)                    // frames per coroutine
 *         .withStringLength(1 << 20));           // longest string, in bytes
 * lua.run("local t = {} while true do t[#t + 1] = {} end");
 * // throws LuaError "not enough memory" (the script could have caught it with pcall)
 * }</pre>
 *
 * <p>What going over each limit does:
 * <ul>
 *   <li><b>memory</b>: the allocation is refused before it happens with the Lua error
 *       {@code "not enough memory"} (a string, no position, as PUC-Rio Lua raises it), after
 *       the collector has had a chance to reclaim. {@code pcall} catches it and the instance
 *       stays usable: nothing was half done. A single request larger than the limit (say
 *       {@code string.rep("x", 1e9)} under 64 MiB) fails at once.</li>
 *   <li><b>fuel</b>: the executor that spends the last unit ends with
 *       {@link dev.moonlet.vm.Status.Failed} and the error
 *       {@value dev.moonlet.vm.Executor#OUT_OF_FUEL}; no {@code pcall} can catch it and no
 *       more Lua code runs in that execution. The budget is the instance's: every executor
 *       on it draws from it, and later executors fail at their first step.</li>
 *   <li><b>call depth</b>: a call that would make a coroutine deeper raises Lua's own
 *       {@code "stack overflow"}, which {@code pcall} catches. Applies to coroutines (and
 *       executors) made after the limit is set.</li>
 *   <li><b>string length</b>: making a longer string raises {@code "string length overflow"}
 *       (also caught by {@code pcall}).</li>
 * </ul>
 *
 * @param memory the most bytes the instance may account for at once
 * @param fuel the most fuel units its executors may spend in total
 * @param callDepth the most frames a coroutine may have, at least {@link Instance#MIN_CALL_DEPTH}
 * @param stringLength the longest string, in bytes, at most {@link Heap#MAX_STRING_LENGTH}
 */
public record Limits(long memory, long fuel, int callDepth, long stringLength) {
    /** No limits but the JVM's and Lua's own (a million stack slots, strings under 2 GiB). */
    public static final Limits NONE =
            new Limits(Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE, Heap.MAX_STRING_LENGTH);

    /** Checks the ranges; see the parameters. */
    public Limits {
        if (memory <= 0) throw new IllegalArgumentException("memory limit must be positive: " + memory);
        if (fuel <= 0) throw new IllegalArgumentException("fuel limit must be positive: " + fuel);
        if (callDepth < Instance.MIN_CALL_DEPTH) {
            throw new IllegalArgumentException("call depth must be at least " + Instance.MIN_CALL_DEPTH + ": " + callDepth);
        }
        if (stringLength < 0 || stringLength > Heap.MAX_STRING_LENGTH) {
            throw new IllegalArgumentException("string length limit out of range: " + stringLength);
        }
    }

    /** These limits with at most {@code bytes} of accounted memory. */
    public Limits withMemory(long bytes) {
        return new Limits(bytes, fuel, callDepth, stringLength);
    }

    /** These limits with at most {@code units} of fuel spent in total. */
    public Limits withFuel(long units) {
        return new Limits(memory, units, callDepth, stringLength);
    }

    /** These limits with at most {@code frames} frames per coroutine. */
    public Limits withCallDepth(int frames) {
        return new Limits(memory, fuel, frames, stringLength);
    }

    /** These limits with strings of at most {@code bytes} bytes. */
    public Limits withStringLength(long bytes) {
        return new Limits(memory, fuel, callDepth, bytes);
    }

    /**
     * A size as people write it: a whole number of bytes, optionally followed by {@code k},
     * {@code m} or {@code g} (binary multiples, either case).
     *
     * <pre>{@code
     * Limits.parseSize("64m");    // 67108864
     * Limits.parseSize("1g");     // 1073741824
     * Limits.parseSize("4096");   // 4096
     * }</pre>
     *
     * @throws IllegalArgumentException for anything else, zero, or more than {@link Long#MAX_VALUE}
     */
    public static long parseSize(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        int shift = 0;
        if (!s.isEmpty()) {
            switch (s.charAt(s.length() - 1)) {
                case 'k' -> shift = 10;
                case 'm' -> shift = 20;
                case 'g' -> shift = 30;
                default -> { }
            }
        }
        String digits = shift == 0 ? s : s.substring(0, s.length() - 1);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("bad size '" + text + "' (use a number of bytes, or 64k, 64m, 1g)");
        }
        long n;
        try {
            n = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size too large: " + text);
        }
        if (n == 0) throw new IllegalArgumentException("size must be positive: " + text);
        if (n > Long.MAX_VALUE >> shift) throw new IllegalArgumentException("size too large: " + text);
        return n << shift;
    }
}
