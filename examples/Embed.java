// Embed.java: a Java program that embeds Moonlet.
// Run it with the jar that ./moonlet builds:
//   java -cp moonlet-cli/target/moonlet.jar examples/Embed.java
import dev.moonlet.api.Lua;
import dev.moonlet.lib.Args;
import dev.moonlet.value.LuaFunction;
import dev.moonlet.value.LuaTable;
import dev.moonlet.vm.Action;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Coroutine;
import dev.moonlet.vm.Executor;
import dev.moonlet.vm.Sequence;
import dev.moonlet.vm.Status;

public class Embed {
    /** A simple Java function: does its work at once and returns the result. */
    static final Builtin TWICE = Builtin.of("twice", (co, args) -> 2 * Args.checkInteger(args, 0));

    /**
     * map(t, f): calls back into Lua, so it answers a Sequence, a state machine the executor
     * drives: it asks for a call of f, and is polled again with f's results.
     */
    static final class MapSequence implements Sequence {
        private final LuaTable source;
        private final Object f;
        private final LuaTable result = new LuaTable();
        private long i;

        MapSequence(LuaTable source, Object f) {
            this.source = source;
            this.f = f;
        }

        @Override
        public Action poll(Coroutine co, Object[] results) {
            if (i > 0) result.put(i, results.length > 0 ? results[0] : null);
            Object next = source.get(++i);
            if (next == null) return new Action.Return(new Object[] {result});
            return new Action.Call(f, new Object[] {next});
        }
    }

    public static void main(String[] args) {
        Lua lua = new Lua();
        lua.register("twice", TWICE);
        lua.register("map", Builtin.of("map", (co, a) -> new MapSequence(Args.checkTable(a, 0), a[1])));

        LuaFunction script = lua.load(
                "local squares = map({1, 2, 3}, function(x) return x * x end)\n"
                + "print('squares', table.unpack(squares))\n"
                + "local total = 0\n"
                + "for round = 1, 100000 do total = total + twice(squares[round % 3 + 1]) end\n"
                + "return total", "=example");

        // Run the script in slices of 10,000 units of work. Between two steps this thread is
        // free to do anything else, or to stop stepping, which cancels the script.
        Executor ex = lua.start(script);
        Status s;
        int steps = 0;
        do {
            s = ex.step(10_000);
            steps++;
        } while (s instanceof Status.Running);

        if (s instanceof Status.Finished) {
            Object total = ((Status.Finished) s).values()[0];
            System.out.println("total " + total + " after " + steps + " steps");
        } else if (s instanceof Status.Failed) {
            System.out.println("failed: " + ((Status.Failed) s).error().getMessage());
        }

        // A runaway script never holds the thread: step it a little, then simply stop.
        Executor runaway = lua.start(lua.load("while true do end", "=runaway"));
        for (int i = 0; i < 100; i++) runaway.step(10_000);
        System.out.println("runaway script abandoned after 100 steps");
    }
}
