package dev.moonlet.lib;

import static dev.moonlet.lib.LuaValues.bytes;
import static dev.moonlet.lib.LuaValues.message;
import static dev.moonlet.lib.LuaValues.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.moonlet.value.Heap;
import dev.moonlet.value.LuaError;
import dev.moonlet.value.LuaString;
import dev.moonlet.vm.Fuel;
import dev.moonlet.vm.TestFuel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pattern matcher against lua5.4: each row is {@code string.find(subject, pattern, init)}
 * and what lua5.4 answered (recorded by a generator script), run with plenty of fuel and again
 * with one unit per resume, which must give the same answers.
 */
class PatternMatcherTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                row("", "", 1, "1 0"),
                row("alo", "", 1, "1 0"),
                row("a\000o a\000o a\000o", "a", 1, "1 1"),
                row("a\000o a\000o a\000o", "a\000o", 2, "5 7"),
                row("a\000a\000a\000a\000\000ab", "\000ab", 2, "9 11"),
                row("a\000a\000a\000a\000\000ab", "b\000", 1, "nil"),
                row("", "\000", 1, "nil"),
                row("alo123alo", "12", 1, "4 5"),
                row("alo123alo", "^12", 1, "nil"),
                row("aaab", ".*b", 1, "1 4"),
                row("aaa", ".*a", 1, "1 3"),
                row("b", ".*b", 1, "1 1"),
                row("aaab", ".+b", 1, "1 4"),
                row("aaa", ".+a", 1, "1 3"),
                row("b", ".+b", 1, "nil"),
                row("aaab", ".?b", 1, "3 4"),
                row("aaa", ".?a", 1, "1 2"),
                row("b", ".?b", 1, "1 1"),
                row("aloALO", "%l*", 1, "1 3"),
                row("aLo_ALO", "%a*", 1, "1 3"),
                row("  \n\015*&\n\015   xuxu  \n\n", "%g%g%g+", 1, "12 15"),
                row("aaab", "a*", 1, "1 3"),
                row("aaa", "^.*$", 1, "1 3"),
                row("aaa", "b*", 1, "1 0"),
                row("aaa", "ab*a", 1, "1 2"),
                row("aba", "ab*a", 1, "1 3"),
                row("aaab", "a+", 1, "1 3"),
                row("aaa", "^.+$", 1, "1 3"),
                row("aaa", "b+", 1, "nil"),
                row("aaa", "ab+a", 1, "nil"),
                row("aba", "ab+a", 1, "1 3"),
                row("a$a", ".$", 1, "3 3"),
                row("a$a", ".%$", 1, "1 2"),
                row("a$a", ".$.", 1, "1 3"),
                row("a$a", "$$", 1, "nil"),
                row("a$b", "a$", 1, "nil"),
                row("a$a", "$", 1, "4 3"),
                row("", "b*", 1, "1 0"),
                row("aaa", "bb*", 1, "nil"),
                row("aaab", "a-", 1, "1 0"),
                row("aaa", "^.-$", 1, "1 3"),
                row("aabaaabaaabaaaba", "b.*b", 1, "3 15"),
                row("aabaaabaaabaaaba", "b.-b", 1, "3 7"),
                row("alo xo", ".o$", 1, "5 6"),
                row(" \n isto e assim", "%S%S*", 1, "4 7"),
                row(" \n isto e assim", "%S*$", 1, "11 15"),
                row(" \n isto e assim", "[a-z]*$", 1, "11 15"),
                row("um caracter ? extra", "[^%sa-z]", 1, "13 13"),
                row("", "a?", 1, "1 0"),
                row("aa", "^aa?a?a", 1, "1 2"),
                row("]]]ab", "[^]]+", 1, "4 5"),
                row("0alo alo", "%x*", 1, "1 2"),
                row("alo alo", "%C+", 1, "1 7"),
                row("alo xyzK", "(%w+)K", 1, "5 8 \"xyz\""),
                row("254 K", "(%d*)K", 1, "5 5 \"\""),
                row("alo ", "(%w*)$", 1, "5 4 \"\""),
                row("alo ", "(%w+)$", 1, "nil"),
                row("0123456789", "(.+(.?)())", 1, "1 10 \"0123456789\" \"\" 11"),
                row("hello world", "(h)(e)(l)(l)(o)", 1, "1 5 \"h\" \"e\" \"l\" \"l\" \"o\""),
                row("hello world", "()ll()", 1, "3 4 3 5"),
                row("alo alx 123 b\000o b\000o", "(..*) %1", 1, "13 19 \"b\\000o\""),
                row("axz123= 4= 4 34", "(.+)=(.*)=%2 %1", 1, "6 14 \"3\" \" 4\""),
                row("=======", "^(=*)=%1$", 1, "1 7 \"===\""),
                row("==========", "^([=]*)=%1$", 1, "nil"),
                row("THE (quick) fox", "%((%a+)%)", 1, "5 11 \"quick\""),
                row("x = (1 + (2 * 3)) + 4", "%b()", 1, "5 17"),
                row("if a then b end end", "%bie", 1, "1 8"),
                row("[[x]] [y]", "%b[]", 1, "1 5"),
                row("abc\000efg\000\001e\001g", "%b\000\001", 1, "4 11"),
                row("THE (quick", "%b()", 1, "nil"),
                row("aaa aa a aaa a", "%f[%w]a", 1, "1 1"),
                row("01abc45de3", "%f[%d]%d+", 1, "1 2"),
                row("function", "%f[\001-\377]%w", 1, "1 1"),
                row("function", "%f[^\001-\377]", 1, "9 8"),
                row("a", "%f[a]", 1, "1 0"),
                row("a", "%f[^%z]", 1, "1 0"),
                row("a", "%f[^%l]", 1, "2 1"),
                row("aba", "%f[a%z]", 1, "3 2"),
                row("aba", "%f[%z]", 1, "4 3"),
                row("aba", "%f[%l%z]", 1, "nil"),
                row(" alo aalo allo", "%f[%S].-%f[%s].-%f[%S]", 1, "2 5"),
                row(" alo aalo allo", "%f[%S](.-%f[%s].-%f[%S])", 1, "2 5 \"alo \""),
                row("ab\000\001\002c", "[\000-\002]+", 1, "3 5"),
                row("ab\000\001\002c", "[\000-\000]+", 1, "3 3"),
                row("b$a", "$\000?", 1, "2 2"),
                row("abc\000efg", "%\000", 1, "4 4"),
                row("abc\000\000\000", "%\000+", 1, "4 6"),
                row("abc\000\000\000", "%\000%\000?", 1, "4 5"),
                row("abc\000\000", "\000.", 1, "4 5"),
                row("abcx\000\000abc\000abc", "x\000\000abc\000a.", 1, "4 12"),
                row("-[]^ab", "[%^%[%-a%]%-b]+", 1, "1 6"),
                row("a-z", "[a%-z]+", 1, "1 3"),
                row("%]", "[]%%]+", 1, "1 2"),
                row("-a", "[a-]+", 1, "1 2"),
                row("\310\322\334", "[\310-\322]+", 1, "1 2"),
                row("x\377y", "[\200-\377]", 1, "2 2"),
                row("tab\there", "%c", 1, "4 4"),
                row("a.b,c", "%p+", 1, "2 2"),
                row("A1b2", "%u%d%l", 1, "1 3"),
                row("  x", "%s*()", 1, "1 2 3"),
                row("hello", "l+", 1, "3 4"),
                row("hello", "l+", 4, "4 4"),
                row("hello", "l+", -2, "4 4"),
                row("hello", "l+", -10, "3 4"),
                row("hello", "", 6, "6 5"),
                row("hello", "", 7, "nil"),
                row("hello", "h", 0, "1 1"),
                row("hello", "o$", -1, "5 5"),
                row("hello", "^h", 2, "nil"),
                row("ab", "()", 3, "3 2 3"),
                row("key = value", "(%w+)%s*=%s*(%w+)", 1, "1 11 \"key\" \"value\""),
                row("2024-01-15", "(%d+)-(%d+)-(%d+)", 1, "1 10 \"2024\" \"01\" \"15\""),
                row("  trim me  ", "^%s*(.-)%s*$", 1, "1 11 \"trim me\""),
                row("a,b,,c", "([^,]*)", 1, "1 1 \"a\""),
                row("path/to/file.txt", "([^/]*)$", 1, "9 16 \"file.txt\""),
                row("file.tar.gz", "^(.-)%.(.*)$", 1, "1 11 \"file\" \"tar.gz\""),
                row("file.tar.gz", "^(.*)%.(.-)$", 1, "1 11 \"file.tar\" \"gz\""),
                row("aaa", "(a)(a)(a)%3%2%1", 1, "nil"),
                row("abcabc", "(abc)%1", 1, "1 6 \"abc\""),
                row("xyz", "(()x)", 1, "1 1 \"x\" 1"),
                row("caps", "((((c))))", 1, "1 1 \"c\" \"c\" \"c\" \"c\""),
                row("a", "(.", 1, "error: unfinished capture"),
                row("a", ".)", 1, "error: invalid pattern capture"),
                row("a", "[a", 1, "error: malformed pattern (missing ']')"),
                row("a", "[]", 1, "error: malformed pattern (missing ']')"),
                row("a", "[^]", 1, "error: malformed pattern (missing ']')"),
                row("a", "[a%]", 1, "error: malformed pattern (missing ']')"),
                row("a", "[a%", 1, "error: malformed pattern (missing ']')"),
                row("a", "%b", 1, "error: malformed pattern (missing arguments to '%b')"),
                row("a", "%ba", 1, "error: malformed pattern (missing arguments to '%b')"),
                row("a", "%", 1, "error: malformed pattern (ends with '%')"),
                row("a", "%f", 1, "error: missing '[' after '%f' in pattern"),
                row("a", "%fa", 1, "error: missing '[' after '%f' in pattern"),
                row("a", "%1", 1, "error: invalid capture index %1"),
                row("a", "(%1)", 1, "error: invalid capture index %1"),
                row("a", "(a)%2", 1, "error: invalid capture index %2"),
                row("a", "%0", 1, "error: invalid capture index %0"),
                row("abc", "x%", 1, "nil"),
                row("abc", "a%", 1, "error: malformed pattern (ends with '%')"),
                row("a", "()%1", 1, "nil"),
                row("a".repeat(40), "(a)".repeat(33), 1, "error: too many captures"),
                row("aaa", "(".repeat(32) + "a" + ")".repeat(32), 1, "1 1 \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\" \"a\""),
                row("a", ")", 1, "nil"),
                row("a".repeat(199), "a?".repeat(199), 1, "1 199"),
                row("a".repeat(200), "a?".repeat(200), 1, "error: pattern too complex"),
                row("a".repeat(300), "a?".repeat(300), 1, "error: pattern too complex"),
                row("aaa", "a*".repeat(198), 1, "1 3"),
                row("aaa", "a*".repeat(40) + "b", 1, "nil"),
                row("aaa", "a*".repeat(200), 1, "1 3"),
                row("a".repeat(1000) + "b", "a*b", 1, "1 1001"),
                row("a".repeat(1000), "^a*.?b$", 1, "nil"),
                row("a".repeat(1000), "^a-.?$", 1, "1 1000"),
                row("(".repeat(500) + ")".repeat(500), "%b()", 1, "1 1000")
        );
    }

    private static Arguments row(String subject, String pattern, int init, String expected) {
        return Arguments.of(subject, pattern, init, expected);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void findsAsLua(String subject, String pattern, int init, String expected) {
        assertEquals(expected, find(bytes(subject), bytes(pattern), init, 1_000_000_000));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void findsTheSameOneStepAtATime(String subject, String pattern, int init, String expected) {
        assertEquals(expected, find(bytes(subject), bytes(pattern), init, 1));
    }

    /** {@code string.find} as lstrlib's str_find_aux, resuming with {@code fuel} units each time. */
    private static String find(LuaString s, LuaString p, int init, long fuel) {
        try {
            long start = StringLib.startPosition(init, s.length()) - 1;
            if (start > s.length()) return "nil";
            PatternMatcher m = PatternMatcher.hasNoSpecials(p) ? PatternMatcher.plain(s, p) : new PatternMatcher(s, p, true);
            m.search((int) start, PatternMatcher.NONE);
            int end;
            while ((end = m.resume(TestFuel.of(fuel))) == PatternMatcher.SUSPENDED) { }
            if (end == PatternMatcher.NO_MATCH) return "nil";
            Object[] captures = m.captures(Heap.UNACCOUNTED, false);
            List<Object> r = new ArrayList<>(List.of((long) m.start() + 1, (long) end));
            r.addAll(List.of(captures));
            return render(r.toArray());
        } catch (LuaError e) {
            return "error: " + message(e);
        }
    }

    @Test
    void everyResumeOfAnExponentialMatchIsBounded() {
        // string.find(string.rep("a", 30), string.rep("a*", 30) .. "b") backtracks for ages.
        PatternMatcher m = new PatternMatcher(bytes("a".repeat(30)), bytes("a*".repeat(30) + "b"), true);
        m.search(0, PatternMatcher.NONE);
        for (int i = 0; i < 200; i++) {
            Fuel fuel = TestFuel.of(10_000);
            assertEquals(PatternMatcher.SUSPENDED, m.resume(fuel));
            assertTrue(fuel.remaining() > -100, "overspent: " + fuel.remaining());
        }
    }

    @Test
    void longScansArePausedPartWay() {
        String subject = "a".repeat(300_000);
        for (String pattern : new String[] {"^a*.?$", "^a*.?b$", "^a-.?$", "%b()"}) {
            PatternMatcher m = new PatternMatcher(bytes(subject), bytes(pattern), true);
            m.search(0, PatternMatcher.NONE);
            int resumes = 0;
            int end;
            do {
                Fuel fuel = TestFuel.of(1_000);
                end = m.resume(fuel);
                assertTrue(fuel.remaining() > -100, pattern + " overspent: " + fuel.remaining());
                resumes++;
            } while (end == PatternMatcher.SUSPENDED && resumes < 10_000);
            assertTrue(resumes > 10, pattern + " did not pause");
            assertTrue(end != PatternMatcher.SUSPENDED, pattern + " did not finish");
        }
    }

    @Test
    void deepBacktrackingUsesNoJavaStack() throws InterruptedException {
        String[] result = new String[1];
        Thread t = new Thread(null, () -> result[0] = find(bytes("a".repeat(199)), bytes("a?".repeat(199)), 1, 1 << 30),
                "small stack", 64 * 1024);
        t.start();
        t.join();
        assertEquals("1 199", result[0]);
    }

    @Test
    void skipsAnEmptyMatchWhereTheLastOneEnded() {
        // gmatch("abc", "x*") finds "" at 1, 2, 3 and 4, never twice at one place
        LuaString s = bytes("abc");
        PatternMatcher m = new PatternMatcher(s, bytes("x*"), false);
        m.search(1, 1);
        assertEquals(2, m.resume(TestFuel.of(100)));
        assertEquals(2, m.start());
    }

    @Test
    void aCaretIsAnOrdinaryCharacterWithoutAnchoring() {
        PatternMatcher m = new PatternMatcher(bytes("a^b"), bytes("^b"), false);
        m.search(0, PatternMatcher.NONE);
        assertEquals(3, m.resume(TestFuel.of(100)));
        assertEquals(1, m.start());
    }

    @Test
    void classesFollowTheCLocale() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c < 256; c++) all.append((char) c);
        String[][] expected = {
            {"%a", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"},
            {"%d", "0123456789"},
            {"%l", "abcdefghijklmnopqrstuvwxyz"},
            {"%s", "\t\n\u000b\f\r "},
            {"%u", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
            {"%x", "0123456789ABCDEFabcdef"},
            {"%p", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"},
        };
        for (String[] e : expected) {
            StringBuilder members = new StringBuilder();
            for (int c = 0; c < 256; c++) {
                if (PatternMatcher.matchClass(c, e[0].charAt(1))) members.append((char) c);
            }
            assertEquals(e[1], members.toString(), e[0]);
        }
        int controls = 0;
        int graphs = 0;
        for (int c = 0; c < 256; c++) {
            if (PatternMatcher.matchClass(c, 'c')) controls++;
            if (PatternMatcher.matchClass(c, 'g')) graphs++;
            assertEquals(!PatternMatcher.matchClass(c, 'w'), PatternMatcher.matchClass(c, 'W'));
        }
        assertEquals(33, controls);
        assertEquals(94, graphs);
    }
}
