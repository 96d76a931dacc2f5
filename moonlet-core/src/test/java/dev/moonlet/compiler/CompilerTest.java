package dev.moonlet.compiler;

import static dev.moonlet.compiler.Compiled.code;
import static dev.moonlet.compiler.Compiled.compile;
import static dev.moonlet.compiler.Compiled.inner;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The code generated for each construct is the code PUC-Rio's luac generates. */
class CompilerTest {

    @Test
    void mainChunkIsVarargWithEnvUpvalue() {
        Proto p = compile("");
        assertEquals(List.of("VARARGPREP 0", "RETURN 0 1 0"), code(p));
        assertTrue(p.isVararg);
        assertEquals(0, p.numParams);
        assertEquals(1, p.upvalues.length);
        assertEquals(new Proto.UpvalueDesc(LuaString.of("_ENV"), true, 0), p.upvalues[0]);
        assertEquals(LuaString.of("=test"), p.source);
    }

    @Test
    void globalsAreFieldsOfEnv() {
        // The target's key is the first constant: Lua reads 'y' before 'x'.
        assertEquals(List.of("VARARGPREP 0", "GETTABUP 0 0 1", "SETTABUP 0 0 0",
                "RETURN 0 1 0"), code("y = x"));
    }

    @Test
    void localEnvMakesGlobalsTableAccesses() {
        assertEquals(List.of("VARARGPREP 0", "NEWTABLE 0 0 0", "EXTRAARG 0", "GETFIELD 1 0 0",
                "RETURN 2 1 0"), code("local _ENV = {} local y = x"));
    }

    @Test
    void smallNumbersAreImmediate() {
        assertEquals(List.of("VARARGPREP 0", "LOADI 0 1", "LOADF 1 2", "LOADK 2 0",
                "LOADK 3 1", "LOADI 4 -65535", "LOADNIL 5 1", "LOADTRUE 7", "LOADFALSE 8",
                "RETURN 9 1 0"),
                code("local a, b, c, d, e, f, g, h, i = 1, 2.0, 2.5, 1 << 20, -65535, nil, nil, true, false"));
    }

    @Test
    void callsAdjustResults() {
        assertEquals(List.of("VARARGPREP 0", "GETTABUP 0 0 0", "GETTABUP 1 0 1",
                "CALL 1 1 0", "CALL 0 0 1", "RETURN 0 1 0"), code("print(f())"));
        assertEquals(List.of("VARARGPREP 0", "GETTABUP 0 0 0", "CALL 0 1 3", "RETURN 2 1 0"),
                code("local a, b = f()"));
    }

    @Test
    void methodCallsUseSelf() {
        assertEquals(List.of("VARARGPREP 0", "GETTABUP 0 0 0", "SELF 0 0 1k", "LOADI 2 1",
                "CALL 0 3 1", "RETURN 0 1 0"), code("o:m(1)"));
    }

    @Test
    void fieldsAndIndexes() {
        assertEquals(List.of("VARARGPREP 0", "NEWTABLE 0 0 0", "EXTRAARG 0", "GETFIELD 1 0 0",
                "GETI 2 0 1", "GETTABUP 3 0 1", "GETTABLE 3 0 3", "LOADI 4 256", "GETTABLE 4 0 4",
                "SETFIELD 0 0 2k", "SETI 0 2 0k", "RETURN 5 1 0"),
                code("local t = {} local a, b, c, d = t.x, t[1], t[a], t[256] t.x = 1 t[2] = 'x'"));
    }

    @Test
    void arithmeticUsesImmediateAndConstantOperands() {
        assertEquals(List.of("VARARGPREP 0", "VARARG 0 2", "ADDI 1 0 1", "ADDI 2 0 1k",
                "MULK 3 0 0k", "SUBK 4 0 1", "ADDK 5 0 2", "ADD 6 0 0", "RETURN 7 1 0"),
                code("local a = ... local b, c, d, e, f, g = a + 1, 1 + a, 2 * a, a - 1, a + 1000, a + a"));
    }

    @Test
    void comparisonsJump() {
        assertEquals(List.of("VARARGPREP 0", "VARARG 0 2", "EQI 0 1 0", "JMP 3", "GETTABUP 1 0 0",
                "LOADI 2 1", "CALL 1 2 1", "RETURN 1 1 0"),
                code("local a = ... if a == 1 then print(1) end"));
        assertEquals("LTI 0 5 0", code("local a = ... if a < 5 then end").get(2));
        assertEquals("GTI 0 5 0", code("local a = ... if 5 < a then end").get(2));
        assertEquals("EQK 0 0 0", code("local a = ... if a == 'x' then end").get(2));
        assertEquals("TEST 0 0", code("local a = ... if a then end").get(2));
    }

    @Test
    void andOrUseTestSet() {
        assertEquals(List.of("VARARGPREP 0", "VARARG 0 3", "TESTSET 2 0 0", "JMP 1", "MOVE 2 1",
                "RETURN 3 1 0"), code("local a, b = ... local c = a and b"));
    }

    @Test
    void concatenationsMerge() {
        assertEquals(List.of("VARARGPREP 0", "VARARG 0 3", "MOVE 2 0", "MOVE 3 1", "LOADK 4 0",
                "CONCAT 2 3", "RETURN 3 1 0"), code("local a, b = ... local c = a .. b .. 'x'"));
    }

    @Test
    void numericForLoop() {
        assertEquals(List.of("VARARGPREP 0", "LOADI 0 1", "LOADI 1 10", "LOADI 2 1",
                "FORPREP 0 3", "GETTABUP 4 0 0", "MOVE 5 3", "CALL 4 2 1", "FORLOOP 0 4",
                "RETURN 0 1 0"), code("for i = 1, 10 do print(i) end"));
    }

    @Test
    void genericForLoop() {
        assertEquals(List.of("VARARGPREP 0", "GETTABUP 0 0 0", "GETTABUP 1 0 1", "CALL 0 2 5",
                "TFORPREP 0 0", "TFORCALL 0 2", "TFORLOOP 0 2", "CLOSE 0", "RETURN 0 1 0k"),
                code("for k, v in pairs(t) do end"));
    }

    @Test
    void whileAndRepeat() {
        assertEquals(List.of("VARARGPREP 0", "GETTABUP 0 0 0", "TEST 0 0", "JMP 1", "JMP -4",
                "RETURN 0 1 0"), code("while x do end"));
        assertEquals(List.of("VARARGPREP 0", "GETTABUP 0 0 0", "TEST 0 0", "JMP -3",
                "RETURN 0 1 0"), code("repeat until x"));
    }

    @Test
    void breakJumpsOutOfTheLoop() {
        assertEquals(List.of("VARARGPREP 0", "GETTABUP 0 0 0", "TEST 0 1", "JMP 1", "JMP -4",
                "RETURN 0 1 0"), code("while true do if x then break end end"));
    }

    @Test
    void gotoBackwardAndForward() {
        assertEquals(List.of("VARARGPREP 0", "JMP 1", "JMP -1", "RETURN 0 1 0"),
                code("goto a ::b:: goto b ::a::"));
        List<String> c = code("::top:: local x = {} local f = function() return x end goto top");
        assertEquals("CLOSE 0", c.get(c.size() - 3));
        assertEquals("JMP -5", c.get(c.size() - 2));
    }

    @Test
    void closuresCaptureUpvalues() {
        Proto p = compile("local a = 1 local function f() return a end");
        assertEquals(1, p.protos.length);
        Proto f = p.protos[0];
        assertEquals(new Proto.UpvalueDesc(LuaString.of("a"), true, 0), f.upvalues[0]);
        assertEquals(List.of("GETUPVAL 0 0", "RETURN1 0", "RETURN0"), code(f));
        Proto g = compile("local a = 1 return function() return function() return a, x end end")
                .protos[0].protos[0];
        assertEquals(new Proto.UpvalueDesc(LuaString.of("a"), false, 0), g.upvalues[0]);
        assertEquals(new Proto.UpvalueDesc(LuaString.of("_ENV"), false, 1), g.upvalues[1]);
    }

    @Test
    void returnsAndTailCalls() {
        assertEquals(List.of("RETURN0"), inner("return function() end"));
        assertEquals(List.of("VARARGPREP 1", "GETTABUP 1 0 0", "VARARG 2 0", "TAILCALL 1 0 0",
                "RETURN 1 0 0", "RETURN 1 1 0"), inner("return function(a, ...) return f(...) end"));
        assertEquals(List.of("LOADI 0 1", "LOADI 1 2", "RETURN 0 3 0", "RETURN0"),
                inner("return function() return 1, 2 end"));
    }

    @Test
    void toBeClosedVariables() {
        assertEquals(List.of("VARARGPREP 0", "GETTABUP 0 0 0", "TBC 0", "LOADI 1 1",
                "RETURN 1 2 0k", "RETURN 1 1 0k"), code("local x <close> = y return 1"));
        // No tail call inside the scope of a to-be-closed variable.
        List<String> c = inner("return function() local x <close> = y return f() end");
        assertTrue(c.contains("CALL 1 1 0"), c.toString());
        assertFalse(c.stream().anyMatch(s -> s.startsWith("TAILCALL")));
    }

    @Test
    void compileTimeConstantsTakeNoRegister() {
        Proto p = compile("local k <const> = 10 local s <const> = 'x' local t = {k, s}");
        assertEquals(List.of("VARARGPREP 0", "NEWTABLE 0 0 2", "EXTRAARG 0", "LOADI 1 10",
                "LOADK 2 0", "SETLIST 0 2 0", "RETURN 1 1 0"), code(p));
        assertEquals(1, p.locals.length);
        assertEquals(LuaString.of("t"), p.locals[0].name());
    }

    @Test
    void tablesFlushEveryFiftyItems() {
        StringBuilder src = new StringBuilder("local t = {");
        for (int i = 0; i < 120; i++) src.append(i).append(',');
        src.append("...}");
        List<String> c = code(src.toString());
        assertEquals("NEWTABLE 0 0 120", c.get(1));
        assertEquals(List.of("SETLIST 0 50 0", "SETLIST 0 50 50", "SETLIST 0 0 100"),
                c.stream().filter(s -> s.startsWith("SETLIST")).toList());
    }

    @Test
    void largeTablesUseExtraArguments() {
        StringBuilder src = new StringBuilder("local t = {");
        for (int i = 0; i < 400; i++) src.append("1,");
        src.append("}");
        List<String> c = code(src.toString());
        assertEquals("NEWTABLE 0 0 144", c.get(1)); // k set: 400 = 144 + 1 * 256
        assertEquals("EXTRAARG 1", c.get(2));
        // The batch stored after 300 items: C = 300 - 256 with k, and EXTRAARG 1.
        int i = c.indexOf("SETLIST 0 50 44");
        assertTrue(i > 0, c.toString());
        assertEquals("EXTRAARG 1", c.get(i + 1));
    }

    @Test
    void manyConstantsUseLoadkx() {
        StringBuilder src = new StringBuilder("local t = {");
        int n = (1 << 17) + 10;
        for (int i = 0; i < n; i++) src.append("'s").append(i).append("',");
        src.append("}");
        Proto p = compile(src.toString());
        assertEquals(n, p.constants.length);
        int loadkx = 0;
        for (int i : p.code) if (Instruction.op(i) == OpCode.LOADKX) loadkx++;
        assertEquals(10, loadkx);
    }

    @Test
    void multipleAssignmentSavesConflictingLocals() {
        assertEquals(List.of("VARARGPREP 0", "VARARG 0 3", "MOVE 2 1", "LOADI 3 1", "LOADI 1 2",
                "SETTABLE 0 2 3", "RETURN 2 1 0"),
                code("local t, i = ... t[i], i = 1, 2"));
    }

    @Test
    void localVariableRanges() {
        Proto p = compile("local a = 1\ndo local b = 2 end\nlocal c = 3");
        assertEquals(3, p.locals.length);
        assertEquals(new Proto.LocalVarInfo(LuaString.of("a"), 2, 5), p.locals[0]);
        assertEquals(new Proto.LocalVarInfo(LuaString.of("b"), 3, 3), p.locals[1]);
        assertEquals(new Proto.LocalVarInfo(LuaString.of("c"), 4, 5), p.locals[2]);
        assertEquals(LuaString.of("a"), p.localName(1, 2));
        assertNull(p.localName(2, 4 - 1));
    }

    @Test
    void linesFollowTheSource() {
        Proto p = compile("local a = 1\nlocal b = a +\n  2\nprint(a,\n  b)\n");
        assertArrayEquals(new int[] {1, 1, 2, 4, 4, 5, 4, 5}, p.lineInfo);
        Proto f = compile("local f = function()\n  return 1\nend").protos[0];
        assertEquals(1, f.lineDefined);
        assertEquals(3, f.lastLineDefined);
    }

    @Test
    void errorsNameTheChunkAndLine() {
        LuaError e = assertThrows(LuaError.class, () -> compile("local x <const> = 1\nx = 2"));
        assertEquals("test:2: attempt to assign to const variable 'x'", e.getMessage());
    }

    @Test
    void assignmentsToConstantsAreReportedAtTheCommaOrEqualsAfterThem() {
        assertEquals("test:3: attempt to assign to const variable 'x'",
                compileError("local x <const> = 1\nx\n=\n2"));
        assertEquals("test:3: attempt to assign to const variable 'x'",
                compileError("local x <const> = 1\nx\n,\ny\n=\n2"));
        assertEquals("test:5: attempt to assign to const variable 'x'",
                compileError("local x <const> = 1\ny\n,\nx\n=\n2"));
    }

    @Test
    void conditionsAreTestedAtThenAndLoopsPreparedAtDo() {
        // if: the condition is read into a register and tested once 'then' is read; while:
        // tested before 'do', which starts the body and its jump back; for: prepared at 'do'.
        assertArrayEquals(new int[] {1, 3, 3, 3, 4, 4, 5},
                compile("if\nx\nthen\n  y()\nend").lineInfo);
        assertArrayEquals(new int[] {1, 2, 2, 2, 3, 4},
                compile("while\nx\ndo\nend").lineInfo);
        assertArrayEquals(new int[] {1, 2, 3, 3, 4, 1, 5},
                compile("for i =\n1,\n2\ndo\nend").lineInfo);
    }

    private static String compileError(String source) {
        return assertThrows(LuaError.class, () -> compile(source)).getMessage();
    }

    @Test
    void everyStringConstantIsInterned() {
        dev.moonlet.value.StringPool pool = new dev.moonlet.value.StringPool();
        LuaString pooled = pool.intern("print");
        Proto p = Compiler.compile(dev.moonlet.syntax.Parser.parse(
                "print('print')".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                LuaString.of("=x")), pool);
        assertTrue(p.constants[0] == pooled);
    }

    @Test
    void equalStringConstantsAreOneObjectInTheWholeChunk() {
        String long1 = "'" + "x".repeat(41) + "'";
        Proto p = compile("local a = " + long1 + "\nlocal function f() return " + long1
                + ", function() return " + long1 + " end end");
        Object main = p.constants[0];
        assertTrue(main == p.protos[0].constants[0]);
        assertTrue(main == p.protos[0].protos[0].constants[0]);
        Proto other = compile("return " + long1);
        assertEquals(main, other.constants[0]);
        assertFalse(main == other.constants[0]);
    }

    @Test
    void longChainsCompileWithoutDeepRecursion() throws InterruptedException {
        String source = "local x = 1" + " + x".repeat(100_000) + "\nlocal t = a" + ".b".repeat(50_000)
                + "[1]()".repeat(10_000) + ":m()".repeat(10_000) + "\nlocal c = x" + " or x".repeat(20_000);
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                compile(source);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        assertNull(failure[0]);
    }
}
