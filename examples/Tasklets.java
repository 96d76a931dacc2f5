// Tasklets.java: many tasks on one instance, multiplexed by its Scheduler on this thread.
// Run it with the jar that ./moonlet builds:
//   java -cp moonlet-cli/target/moonlet.jar examples/Tasklets.java
import dev.moonlet.api.Lua;
import dev.moonlet.vm.Builtin;
import dev.moonlet.vm.Clock;
import dev.moonlet.vm.FuelTank;
import dev.moonlet.vm.Scheduler;
import dev.moonlet.vm.Task;

public class Tasklets {
    public static void main(String[] args) {
        Lua lua = new Lua();
        Scheduler scheduler = lua.scheduler();
        scheduler.setClock(Clock.virtual()); // time moves with the fuel used: the same figures on every machine

        // Three tasks that loop forever. Weights share the fuel in proportion; a fuel tank
        // (refill rate, burst capacity) caps a task at its sustained share, whatever it does.
        String spin = "while true do end";
        Task light = scheduler.spawn(lua.load(spin, "=light"));
        Task heavy = scheduler.spawn(lua.load(spin, "=heavy"));
        heavy.setWeight(3);
        Task capped = scheduler.spawn(lua.load(spin, "=capped"));
        capped.setTank(new FuelTank(50_000_000, 200_000)); // 5% of the virtual clock's pace
        scheduler.run(100_000_000);
        double total = light.fuelUsed() + heavy.fuelUsed() + capped.fuelUsed();
        System.out.printf("light %.1f%%, heavy %.1f%%, capped %.1f%%%n",
                100 * light.fuelUsed() / total, 100 * heavy.fuelUsed() / total, 100 * capped.fuelUsed() / total);
        light.kill();
        heavy.kill();
        capped.kill();

        // A Java function may end the running task's turn at once with Fuel.interrupt():
        // here a print that lets the next task speak, so two tasks' lines interleave.
        lua.register("say", Builtin.of("say", (co, a) -> {
            co.fuel().interrupt();
            System.out.println(a[0]);
            return null;
        }));
        scheduler.spawn(lua.load("for i = 1, 3 do say('tick ' .. i) end", "=ticks"));
        scheduler.spawn(lua.load("for i = 1, 3 do say('tock ' .. i) end", "=tocks"));
        scheduler.run(); // until no task can run
    }
}
