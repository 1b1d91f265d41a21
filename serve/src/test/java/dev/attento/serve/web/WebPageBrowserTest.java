package dev.attento.serve.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attento.serve.FakeEngine;
import dev.attento.serve.ServerLimits;
import dev.attento.serve.TranslationServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser: Debian's headless Chromium driven through its chromedriver, both
 * from the system (nothing is downloaded). Skipped, not failed, where Chromium is not installed.
 * A screenshot of the page is kept in {@code target/screenshots/}. One browser and server serve
 * both tests (starting Chromium is the slow part); each test loads the page afresh.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPageBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** A fresh Chromium profile (@TempDir is not yet injected when a per-class @BeforeAll runs). */
  private Path profile;
  private TranslationServer server;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  void start() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    profile = Files.createTempDirectory("attento-chromium-");
    server = TranslationServer.start(List.of(new FakeEngine("reverse"), new FakeEngine("other")), "127.0.0.1", 0,
        ServerLimits.defaults());
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--window-size=1100,900", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    // the page re-renders a panel on each answer: an element found a moment ago may be gone
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        // a profile left in the temporary directory is no reason to fail the tests
      }
    }
  }

  @Test
  void typingTranslatesAndTheHeatmapShowsWeightsOnHover() throws Exception {
    browser.get(server.uri().toString());
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#model option"), 2));
    new Select(browser.findElement(By.id("nbest"))).selectByValue("2");
    browser.findElement(By.id("source")).sendKeys("the black cat");

    wait.until(ExpectedConditions.textToBe(By.cssSelector(".hyps li:first-child .text"), "cat black the"));
    assertEquals(2, browser.findElements(By.cssSelector(".hyps li")).size(), "two hypotheses for n-best 2");
    List<WebElement> cells = wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("svg.heatmap rect.cell"),
        9));
    assertEquals("reverse", browser.findElement(By.cssSelector(".panel")).getDomAttribute("data-model"));

    // target word 0 ("cat") looked at source word 2 ("cat"): hover that cell
    WebElement aligned = browser.findElement(By.cssSelector("rect.cell[data-row='0'][data-column='2']"));
    new Actions(browser).moveToElement(aligned).perform();
    By readout = By.cssSelector(".readout");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(readout, "weight 0.900"));
    assertTrue(browser.findElement(readout).getText().contains("“cat” ← “cat”"), browser.findElement(readout).getText());
    WebElement highlighted = browser.findElement(By.cssSelector(".source-tokens span.aligned"));
    assertEquals("cat", highlighted.getText(), "the aligned source word is highlighted");

    // the keyboard moves through the cells too
    browser.findElement(By.cssSelector("svg.heatmap")).sendKeys(Keys.ARROW_LEFT);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(readout, "“cat” ← “black”"));

    // switching the model translates again with it
    new Select(browser.findElement(By.id("model"))).selectByValue("other");
    wait.until(d -> "other".equals(d.findElement(By.cssSelector(".panel")).getDomAttribute("data-model")));
    assertEquals(9, cells.size());
    assertEquals("cat black the", browser.findElement(By.cssSelector(".hyps li:first-child .text")).getText());

    Path shots = Path.of("target", "screenshots");
    Files.createDirectories(shots);
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), shots.resolve("web-page.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void sideBySideShowsEveryModelAndAPhoneSizedWindowNeedsNoSidewaysScrolling() {
    browser.get(server.uri().toString());
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#model option"), 2));
    browser.findElement(By.id("compare")).click();
    browser.findElement(By.id("source")).sendKeys("a phone sized test sentence");
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".panel"), 2));
    assertEquals(2 * 5 * 5, browser.findElements(By.cssSelector("svg.heatmap rect.cell")).size());
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    Object overflow = browser.executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertEquals(0L, ((Number) overflow).longValue(), "the page is no wider than a phone's screen");
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1100, 900));
  }

  @Test
  void serverErrorsAreShownAsMessages() {
    browser.get(server.uri().toString());
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#model option"), 2));
    browser.findElement(By.id("source")).sendKeys("x".repeat(1200));
    WebElement status = browser.findElement(By.id("status"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "maxSentenceChars"));
    assertTrue(status.getText().startsWith("Could not translate:"), status.getText());
  }
}
