package dev.moonlet.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground page end to end, in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs). Each test opens the page afresh
 * (a new session), acts as a visitor would, waits explicitly for what the page must show, and
 * leaves a screenshot in {@code target/screenshots/}.
 */
class PlaygroundPageTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * The fuel exponent for tests that need a loop to outlast a few clicks: the compiled tier
     * runs {@code while true do end} through 10^9 units in about a second.
     */
    private static final String LOOP_FUEL = "10";

    /** Selenium's note that it has no DevTools binding for this Chromium: these tests use none. */
    private static final java.util.logging.Logger CDP_LOG =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private static PlaygroundServer server;
    private static ChromeDriver browser;
    private WebDriverWait wait;
    private String testName;

    @BeforeAll
    static void startServerAndBrowser() throws IOException {
        CDP_LOG.setLevel(java.util.logging.Level.OFF);
        server = PlaygroundServer.start(new InetSocketAddress("127.0.0.1", 0));
        File driver = new File("/usr/bin/chromedriver");
        if (!driver.canExecute()) {
            throw new IllegalStateException("the end-to-end tests need chromium and chromium-driver "
                    + "(apt-get install -y chromium chromium-driver; .ci/run does it)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--disable-gpu", "--window-size=1280,1300", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver).build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopServerAndBrowser() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    @BeforeEach
    void openPage(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        browser.get(server.uri().toString());
        wait = new WebDriverWait(browser, WAIT);
        // The page evaluates its first example at once; wait for it so the test starts clean.
        waitForText("output", "hello from Moonlet");
    }

    @AfterEach
    void screenshot() throws IOException {
        save(testName);
    }

    /** Saves what the browser shows as {@code target/screenshots/NAME.png}. */
    private static void save(String name) {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void typedCodeShowsItsResultLive() {
        typeCode("print('sum:', 40 + 2)\nreturn 6 * 7, 'moon'");
        waitForText("output", "42\tmoon");
        assertEquals("sum:\t42\n42\tmoon\n", text("output"));
    }

    @Test
    void pageStaysResponsiveDuringAnInfiniteLoop() {
        setNumber("fuel", LOOP_FUEL);
        typeCode("while true do end");
        wait.until(d -> text("status").equals("running"));
        WebElement broken = browser.findElement(By.id("broken"));
        for (int i = 0; i < 5; i++) broken.click();
        waitForText("broken-count", "5");
        assertEquals("running", text("status"), "the loop is still running while the page counts");
    }

    @Test
    void aPrintingLoopDoesNotFloodThePage() {
        typeCode("local i = 0\nwhile true do i = i + 1 print(i) end");
        wait.until(d -> printedNumbers("output").size() > 100);
        WebElement broken = browser.findElement(By.id("broken"));
        for (int i = 0; i < 5; i++) broken.click();
        waitForText("broken-count", "5");
        assertTrue(text("output").length() <= 20_000, "the page keeps only the latest output");
        assertEquals("running", text("status"));
    }

    @Test
    void anEditAbandonsTheLoopInFlight() {
        setNumber("fuel", LOOP_FUEL);
        typeCode("while true do end");
        wait.until(d -> text("status").equals("running"));
        typeCode("return 'edited'");
        waitForText("output", "edited");
        assertEquals("edited\n", text("output"));
        assertTrue(text("status").startsWith("done"), text("status"));
    }

    @Test
    void memoryLimitShowsNotEnoughMemory() {
        setNumber("memory", "16");
        typeCode("local t = {}\nwhile true do t[#t + 1] = {} end");
        waitForText("output", "not enough memory");
        assertTrue(text("status").startsWith("not enough memory"), text("status"));
    }

    @Test
    void fuelBudgetShowsOutOfFuel() {
        setNumber("fuel", "5");
        typeCode("while true do end");
        waitForText("output", "out of fuel");
    }

    @Test
    void errorsShowLuasMessageAndTraceback() {
        typeCode("local function f(x) return x.field end\nreturn f(nil)");
        waitForText("output", "input:1: attempt to index a nil value (local 'x')");
        assertTrue(text("output").contains("stack traceback:"), text("output"));
        typeCode("x = = 1");
        waitForText("output", "input:1: unexpected symbol near '='");
    }

    @Test
    void pairedConsolesShareAnInstanceAndStopSeparately() {
        setNumber("fuel", LOOP_FUEL);
        browser.findElement(By.id("left-run")).click();
        browser.findElement(By.id("right-run")).click();
        wait.until(d -> printedNumbers("right-output").size() >= 3);
        List<Long> first = printedNumbers("right-output");
        long seen = first.get(first.size() - 1);
        wait.until(d -> {
            List<Long> now = printedNumbers("right-output");
            return now.get(now.size() - 1) > seen;
        });
        save("pairedConsolesRunning");
        browser.findElement(By.id("left-stop")).click();
        wait.until(d -> text("left-status").startsWith("interrupted"));
        assertEquals("running", text("right-status"), "stopping the left task leaves the right one running");
        browser.findElement(By.id("right-stop")).click();
        wait.until(d -> text("right-status").startsWith("interrupted"));
    }

    @Test
    void tasksSpawnedByTheCodeRunOnTheScheduler() {
        browser.findElement(By.linkText("tasks")).click();
        waitForText("output", "woke in order: 3 2 1");
        assertEquals("task 3 woke\ntask 2 woke\ntask 1 woke\nwoke in order: 3 2 1\n", text("output"));
        // A task the code spawned goes on after the result, printing to the same console.
        typeCode("task.spawn(function()\nfor i = 1, 1e9 do task.sleep(0.05) print('tick', i) end\nend)\nreturn 'spawned'");
        waitForText("output", "tick\t3");
        assertTrue(text("output").startsWith("spawned\n"), text("output"));
        WebElement broken = browser.findElement(By.id("broken"));
        for (int i = 0; i < 3; i++) broken.click();
        waitForText("broken-count", "3");
        // An edit replaces the instance: the ticker stops with it.
        typeCode("return task.status(task.self())");
        waitForText("output", "running");
        assertEquals("running\n", text("output"));
    }

    @Test
    void bagsLanguageRunsOnTheLiveRepl() {
        new Select(browser.findElement(By.id("language"))).selectByValue("bags");
        typeCode("0 1 | ^ *");
        waitForText("output", "0, 0, ");
        assertEquals("1, 1, \n1, 0, \n0, 1, \n0, 0, \n", text("output"));
        setNumber("memory", "20");
        typeCode("01|^*^*^*^*^*^*^*^*^*^*^*");
        waitForText("output", "not enough memory");
        browser.findElement(By.id("broken")).click();
        waitForText("broken-count", "1");
        typeCode("0 x");
        waitForText("output", "parse error at character 3: unexpected 'x'");
    }

    // ------------------------------------------------------------------ helpers

    /** Replaces the code box's text by typing {@code code}, as a visitor would. */
    private void typeCode(String code) {
        WebElement box = browser.findElement(By.id("code"));
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        box.sendKeys(code);
    }

    private void setNumber(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
        wait.until(d -> input.getAttribute("value").equals(value));
    }

    private String text(String id) {
        return (String) browser.executeScript("return document.getElementById(arguments[0]).textContent", id);
    }

    private void waitForText(String id, String expected) {
        wait.withMessage(() -> "#" + id + " never showed '" + expected + "'; it shows: " + text(id))
                .until(d -> text(id).contains(expected));
    }

    /** The integers printed one per line in the console {@code id}. */
    private List<Long> printedNumbers(String id) {
        List<Long> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^(\\d+)$").matcher(text(id));
        while (m.find()) numbers.add(Long.parseLong(m.group(1)));
        return numbers;
    }
}
