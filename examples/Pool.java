// Pool.java: a thousand independent instances (say, one per user) on a pool of 4 threads.
// Each instance runs on at most one thread at a time; one waiting or sleeping holds none.
//   java -cp moonlet-cli/target/moonlet.jar examples/Pool.java
import dev.moonlet.api.Lua;
import dev.moonlet.api.MoonletPool;
import dev.moonlet.vm.Status;
import dev.moonlet.vm.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

public class Pool {
    static final String SCRIPT = String.join("\n",
            "local user = ...",
            "local me = task.self()",
            "for i = 1, 3 do",
            "  task.spawn(function()",
            "    local sum = 0",
            "    for k = 1, 1000 * i do sum = sum + k % 7 end",
            "    task.sleep(0.01)",
            "    task.send(me, sum)",
            "  end)",
            "end",
            "local total = 0",
            "for i = 1, 3 do total = total + task.recv() end",
            "return user, total");

    public static void main(String[] args) throws Exception {
        List<Task> mains = new ArrayList<>();
        List<CompletableFuture<Lua>> done = new ArrayList<>();
        long start = System.nanoTime();
        try (MoonletPool pool = new MoonletPool(4)) {
            for (int user = 0; user < 1000; user++) {
                Lua lua = new Lua();
                mains.add(lua.scheduler().spawn(lua.load(SCRIPT, "=user script"), (long) user));
                done.add(pool.submit(lua));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        }
        long total = 0;
        for (Task t : mains) total += (Long) ((Status.Finished) t.outcome()).values()[1];
        System.out.printf("1000 instances done in %.2f s; sum of their results: %d%n",
                (System.nanoTime() - start) / 1e9, total);
    }
}
