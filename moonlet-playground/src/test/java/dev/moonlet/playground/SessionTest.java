package dev.moonlet.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A session's evaluations, stepped by a real {@link Stepper}, as the events its page would get. */
class SessionTest {
    /** Enough that a loop never runs out while a test looks at it (the compiled tier spends 10^9 in about a second). */
    private static final long FUEL = 1_000_000_000_000L;
    private static final long MEMORY = 1L << 24;

    private final Stepper stepper = new Stepper(1, 20_000);
    private final Session session = new Session("test", stepper);
    private long run;

    @AfterEach
    void close() {
        session.close();
        stepper.close();
    }

    @Test
    void resultsAreShownAsTostringShowsThem() throws InterruptedException {
        List<String> events = evaluate(Session.LIVE, "print('hi') return 1 + 1, 'x', nil, 2^53", FUEL, MEMORY);
        String formatted = last(evaluate(Session.LIVE,
                "return setmetatable({}, {__tostring = function() return 'custom' end}), true", FUEL, MEMORY));
        assertTrue(formatted.contains("\"values\":[\"custom\",\"true\"]"), formatted);
        assertEquals(List.of("{\"console\":\"live\",\"run\":1,\"type\":\"start\"}",
                "{\"console\":\"live\",\"run\":1,\"type\":\"output\",\"text\":\"hi\\n\"}"), events.subList(0, 2));
        assertTrue(last(events).contains("\"type\":\"result\",\"values\":[\"2\",\"x\",\"nil\",\"9.007199254741e+15\"]"), last(events));
    }

    @Test
    void statementsRunWhenTheCodeIsNotAnExpression() throws InterruptedException {
        assertTrue(last(evaluate(Session.LIVE, "local x = 2 x = x * 21 return x", FUEL, MEMORY)).contains("\"values\":[\"42\"]"));
    }

    @Test
    void spentFuelStopsTheEvaluationWithOutOfFuel() throws InterruptedException {
        String end = last(evaluate(Session.LIVE, "while true do end", 100_000, MEMORY));
        assertTrue(end.contains("\"type\":\"limit\",\"message\":\"out of fuel\""), end);
    }

    @Test
    void memoryLimitGivesNotEnoughMemoryWhichPcallCatches() throws InterruptedException {
        String end = last(evaluate(Session.LIVE, "local t = {} while true do t[#t + 1] = {} end", FUEL, 1 << 16));
        assertTrue(end.contains("\"type\":\"limit\",\"message\":\"not enough memory\""), end);
        String caught = last(evaluate(Session.LIVE,
                "return pcall(function() local t = {} while true do t[#t + 1] = {} end end)", FUEL, 1 << 16));
        assertTrue(caught.contains("\"values\":[\"false\",\"not enough memory\"]"), caught);
    }

    @Test
    void errorsCarryLuasMessageAndTraceback() throws InterruptedException {
        String end = last(evaluate(Session.LIVE, "local t = nil\nreturn t.x", FUEL, MEMORY));
        assertTrue(end.contains("\"message\":\"input:2: attempt to index a nil value (local 't')\""), end);
        assertTrue(end.contains("stack traceback:\\n\\tinput:2: in main chunk"), end);
        String syntax = last(evaluate(Session.LIVE, "x = = 1", FUEL, MEMORY));
        assertTrue(syntax.contains("\"message\":\"input:1: unexpected symbol near '='\""), syntax);
    }

    @Test
    void scriptsCannotReachOutsideTheInstance() throws InterruptedException {
        String end = last(evaluate(Session.LIVE,
                "return io.read, io.open, os.exit, os.execute, require, package, debug.getinfo, dofile, loadfile, "
                        + "select(2, load('\\27Lua')), type(io.write), type(os.clock)", FUEL, MEMORY));
        assertTrue(end.contains("\"values\":[\"nil\",\"nil\",\"nil\",\"nil\",\"nil\",\"nil\",\"nil\",\"nil\",\"nil\","
                + "\"attempt to load a binary chunk (mode is 't')\",\"function\",\"function\"]"), end);
    }

    @Test
    void pairedConsolesShareGlobalsAndPrintToEachOther() throws InterruptedException {
        evaluate(Session.LEFT, "shared = 42", FUEL, MEMORY);
        List<String> right = evaluate(Session.RIGHT, "print_left('to the left') print('to the right') return shared", FUEL, MEMORY);
        assertTrue(right.contains("{\"console\":\"left\",\"run\":1,\"type\":\"output\",\"text\":\"to the left\\n\"}"), right.toString());
        assertTrue(right.contains("{\"console\":\"right\",\"run\":2,\"type\":\"output\",\"text\":\"to the right\\n\"}"), right.toString());
        assertTrue(last(right).contains("\"values\":[\"42\"]"), last(right));
        session.resetPaired();
        String fresh = last(evaluate(Session.RIGHT, "return shared, type(print_left)", FUEL, MEMORY));
        assertTrue(fresh.contains("\"values\":[\"nil\",\"function\"]"), fresh);
    }

    @Test
    void stoppingOneConsoleLeavesTheOtherRunning() throws InterruptedException {
        long left = ++run;
        session.evaluate(Session.LEFT, left, Language.LUA, "i = 0 while true do i = i + 1 end", FUEL, MEMORY);
        long right = ++run;
        session.evaluate(Session.RIGHT, right, Language.LUA, "while i == nil or i < 1000 do end return 'saw', i >= 1000", FUEL, MEMORY);
        List<String> events = eventsUntil("right", "\"type\":\"result\"");
        assertTrue(last(events).contains("\"values\":[\"saw\",\"true\"]"), last(events));
        session.stop(Session.LEFT);
        assertTrue(last(eventsUntil("left", "\"type\":\"stopped\"")).contains("\"run\":" + left));
    }

    @Test
    void aNewEditAbandonsTheEvaluationInFlight() throws InterruptedException {
        long first = ++run;
        session.evaluate(Session.LIVE, first, Language.LUA, "while true do end", FUEL, MEMORY);
        List<String> events = evaluate(Session.LIVE, "return 'second'", FUEL, MEMORY);
        assertTrue(last(events).contains("\"values\":[\"second\"]"), last(events));
        for (String e : events) {
            assertFalse(e.contains("\"run\":" + first + ",\"type\":\"limit\""), "the abandoned loop never ends by itself: " + e);
        }
    }

    @Test
    void printedOutputIsCoalescedPerSlice() throws InterruptedException {
        List<String> events = evaluate(Session.LIVE, "for i = 1, 2000 do print(i) end", FUEL, MEMORY);
        long outputs = events.stream().filter(e -> e.contains("\"type\":\"output\"")).count();
        assertTrue(outputs < 20, "2000 prints in " + outputs + " events");
        assertTrue(String.join("", events).contains("1999\\n2000\\n"));
    }

    @Test
    void bagsRunsThroughTheSameRepl() throws InterruptedException {
        long n = ++run;
        session.evaluate(Session.LIVE, n, Language.BAGS, "0 1 | ^ *", FUEL, MEMORY);
        List<String> events = eventsUntil("live", "\"type\":\"result\"");
        StringBuilder out = new StringBuilder();
        for (String e : events) {
            if (e.contains("\"type\":\"output\"")) out.append(e, e.indexOf("\"text\":\"") + 8, e.lastIndexOf('"'));
        }
        assertEquals("1, 1, \\n1, 0, \\n0, 1, \\n0, 0, \\n", out.toString());
        session.evaluate(Session.LIVE, ++run, Language.BAGS, "01|^*^*^*^*^*^*^*^*^*^*^*", FUEL, 1 << 20);
        assertTrue(last(eventsUntil("live", "\"type\":\"limit\"")).contains("not enough memory"));
        session.evaluate(Session.LIVE, ++run, Language.BAGS, "0 1", FUEL, MEMORY);
        String parse = last(eventsUntil("live", "\"type\":\"error\""));
        assertTrue(parse.contains("\"message\":\"parse error: the program leaves 2 bags on the stack, not one\",\"traceback\":\"\""), parse);
    }

    @Test
    void tasksSpawnSleepAndJoinOnTheScheduler() throws InterruptedException {
        List<String> events = evaluate(Session.LIVE, "local t = task.spawn(function(x)\n"
                + "  task.sleep(0.05) print('from task ' .. task.status(task.self())) return x * 2\n"
                + "end, 21)\n"
                + "return task.join(t), task.status(t)", FUEL, MEMORY);
        assertTrue(events.contains("{\"console\":\"live\",\"run\":1,\"type\":\"output\",\"text\":\"from task running\\n\"}"),
                events.toString());
        assertTrue(last(events).contains("\"values\":[\"42\",\"dead\"]"), last(events));
    }

    @Test
    void aSpawnedTaskPrintsToItsConsoleAfterTheResult() throws InterruptedException {
        long n = ++run;
        session.evaluate(Session.LIVE, n, Language.LUA,
                "task.spawn(function() task.sleep(0.05) print('later') end) return 'now'", FUEL, MEMORY);
        List<String> events = eventsUntil("live", "\"type\":\"output\",\"text\":\"later");
        String result = "{\"console\":\"live\",\"run\":" + n + ",\"type\":\"result\",\"values\":[\"now\"]";
        assertTrue(events.stream().anyMatch(e -> e.startsWith(result)), events.toString());
    }

    @Test
    void spawnedTasksSpendTheEvaluationsFuelAndStopWithIt() throws InterruptedException {
        long n = ++run;
        session.evaluate(Session.LIVE, n, Language.LUA, "task.spawn(function() while true do end end) return 'spawned'", 100_000, MEMORY);
        String end = last(eventsUntil("live", "\"type\":\"limit\""));
        assertTrue(end.contains("\"run\":" + n + ",\"type\":\"limit\",\"message\":\"out of fuel\""), end);
        long left = ++run;
        session.evaluate(Session.LEFT, left, Language.LUA, "task.spawn(function() while true do end end)", FUEL, MEMORY);
        eventsUntil("left", "\"type\":\"result\"");
        session.stop(Session.LEFT);
        assertTrue(last(eventsUntil("left", "\"type\":\"stopped\"")).contains("\"run\":" + left));
    }

    @Test
    void anUnjoinedFailingTaskWritesToItsConsole() throws InterruptedException {
        long n = ++run;
        session.evaluate(Session.LIVE, n, Language.LUA, "task.spawn(error, 'oops', 0) return 'spawned'", FUEL, MEMORY);
        List<String> events = eventsUntil("live", "task \\d+ failed: oops");
        assertTrue(events.stream().anyMatch(e -> e.contains("\"values\":[\"spawned\"]")), events.toString());
    }

    @Test
    void codeThatWaitsForWhatNoTaskWillDoEndsAsADeadlock() throws InterruptedException {
        String end = last(evaluate(Session.LIVE, "local t = task.spawn(task.recv) return task.join(t)", FUEL, MEMORY));
        assertTrue(end.contains("\"type\":\"error\",\"message\":\"deadlock: the code waits in task.join and no task can wake it\""), end);
        String sleeping = last(evaluate(Session.LIVE, "task.sleep(0.05) return 'slept'", FUEL, MEMORY));
        assertTrue(sleeping.contains("\"values\":[\"slept\"]"), sleeping);
    }

    @Test
    void pairedConsolesSendMessagesToEachOthersTasks() throws InterruptedException {
        long left = ++run;
        session.evaluate(Session.LEFT, left, Language.LUA, "inbox = task.self() return 'got', task.recv()", FUEL, MEMORY);
        long right = ++run;
        session.evaluate(Session.RIGHT, right, Language.LUA,
                "while not inbox do task.yield() end return task.send(inbox, 'hello')", FUEL, MEMORY);
        List<String> events = eventsUntil("left", "\"type\":\"result\"");
        String sent = "{\"console\":\"right\",\"run\":" + right + ",\"type\":\"result\",\"values\":[\"true\"]";
        assertTrue(events.stream().anyMatch(e -> e.startsWith(sent)), events.toString());
        assertTrue(last(events).contains("\"run\":" + left + ",\"type\":\"result\",\"values\":[\"got\",\"hello\"]"), last(events));
    }

    @Test
    void aSessionIsIdleOnlyWhileNoPageIsConnected() {
        assertTrue(session.idleFor(-1), "never connected");
        long stream = session.connect();
        assertFalse(session.idleFor(-1));
        long newer = session.connect();
        assertFalse(session.isCurrent(stream), "a newer stream replaces an older one");
        session.disconnect(stream);
        assertFalse(session.idleFor(-1), "the newer stream is still connected");
        session.disconnect(newer);
        assertTrue(session.idleFor(-1));
        assertFalse(session.idleFor(60_000_000_000L), "heard from just now");
    }

    // ------------------------------------------------------------------ helpers

    /** Evaluates {@code code} on {@code console} and answers its events up to its end. */
    private List<String> evaluate(String console, String code, long fuel, long memory) throws InterruptedException {
        long n = ++run;
        session.evaluate(console, n, Language.LUA, code, fuel, memory);
        return eventsUntil(console, "\"run\":" + n + ",\"type\":\"(result|error|limit|stopped)\"");
    }

    /** The events posted until one for {@code console} matches {@code endPattern}. */
    private List<String> eventsUntil(String console, String endPattern) throws InterruptedException {
        List<String> events = new ArrayList<>();
        java.util.regex.Pattern end = java.util.regex.Pattern.compile(endPattern);
        for (;;) {
            String batch = session.outbox().take(60_000);
            if (batch == null) fail("no end event; saw " + events);
            for (String frame : batch.split("\n\n")) {
                String json = frame.substring("data: ".length());
                events.add(json);
                if (json.startsWith("{\"console\":\"" + console + "\"") && end.matcher(json).find()) return events;
            }
        }
    }

    private static String last(List<String> events) {
        return events.get(events.size() - 1);
    }
}
