// Futures.java: a Java function that answers with a CompletableFuture. The calling task waits
// without holding a thread, the other tasks run, and it resumes once the future completes.
//   java -cp moonlet-cli/target/moonlet.jar examples/Futures.java
import dev.moonlet.api.Lua;
import dev.moonlet.vm.Builtin;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

public class Futures {
    public static void main(String[] args) {
        Lua lua = new Lua();
        // fetch(name): pretends to ask a slow service, on another thread, for 0.1 s.
        lua.register("fetch", Builtin.of("fetch", (co, a) -> {
            String name = a[0].toString();
            CompletableFuture<String> reply = CompletableFuture.supplyAsync(() -> {
                if (name.equals("nowhere")) throw new IllegalArgumentException("no such host: " + name);
                return "page of " + name;
            }, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
            return Lua.await(reply);
        }));
        lua.run(String.join("\n",
                "local a = task.spawn(fetch, 'moon')",
                "local b = task.spawn(fetch, 'lua')",
                "local ticks = 0",
                "local counter = task.spawn(function()",
                "  while task.status(a) ~= 'dead' do ticks = ticks + 1; task.sleep(0.01) end",
                "end)",
                "print(task.join(a))",
                "print(task.join(b))",
                "task.join(counter)",
                "print('the counter ran meanwhile:', ticks > 0)",
                "print(pcall(fetch, 'nowhere'))"));
    }
}
