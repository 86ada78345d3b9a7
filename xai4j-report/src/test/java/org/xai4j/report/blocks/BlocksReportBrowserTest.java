package org.xai4j.report.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.xai4j.data.Mnist;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.io.AtomicFiles;
import org.xai4j.models.bundled.BundledModelFiles;
import org.xai4j.tensor.Tensor;
import org.xai4j.visualize.blocks.BuildingBlocks;
import org.xai4j.visualize.blocks.HiddenAttribution;
import org.xai4j.visualize.blocks.SemanticDictionary;

/**
 * The report of a held-out digit on mnist-cnn in Debian's headless Chromium, driven through Selenium
 * 4 and the system chromedriver (nothing is downloaded): the page loads without JavaScript errors or
 * failed requests (the browser log), hovering over a position shows that position's semantic
 * dictionary, and the layer selector switches layers. The screenshot is kept as
 * {@code target/blocks-report/screenshot.png}. Without Chromium the tests skip with a message, except
 * under {@code CI=true}, where they fail.
 */
class BlocksReportBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** The report is kept under target/ with its screenshot, as a test artifact. */
  static final Path REPORT = Path.of("target", "blocks-report");
  private static final int TOP_K = 4;
  private static ChromeDriver driver;
  private static Graph graph;
  private static Tensor digit;
  private static List<String> layers;

  /** Why the browser tests cannot run here, or {@code null}. */
  private static final String MISSING = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) ? null
      : "skipped: the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
          + " (apt-get install chromium chromium-driver)";

  @BeforeAll
  static void openReport() throws Exception {
    if (MISSING != null) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(MISSING.replace("skipped: ", "") + "; under CI=true they must run");
      }
      System.err.println(BlocksReportBrowserTest.class.getSimpleName() + ": " + MISSING);
      return;
    }
    graph = BundledModelFiles.load("mnist-cnn");
    digit = Mnist.load().test().images().slice0(0, 1);
    layers = BuildingBlocks.defaultLayers(graph);
    BlocksReport.write(graph, digit, ReportFixtures.request("mnist-cnn", List.of(), null, null,
        REPORT.resolveSibling("blocks-icon-cache")), REPORT, AtomicFiles.Existing.REPLACE);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1400,2200");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.get(REPORT.resolve(BlocksReport.INDEX).toAbsolutePath().toUri().toString());
  }

  @AfterAll
  static void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  @BeforeEach
  void requireTheBrowser() {
    Assumptions.assumeTrue(MISSING == null, MISSING);
  }

  @Test
  void theReportLoadsWithoutJavaScriptErrorsAndIsKeptAsAScreenshot() throws Exception {
    assertTrue(driver.getTitle().contains("mnist-cnn"), driver.getTitle());
    int predicted = Target.Argmax.argmaxPerSample(graph.forward(digit).output())[0];
    assertEquals(Integer.toString(predicted), driver.findElement(By.id("predicted")).getText());
    // the script ran: every layer's dictionary shows its first position
    for (WebElement panel : driver.findElements(By.cssSelector(".dictionary"))) {
      assertNotEquals(null, panel.getDomAttribute("data-position"));
    }
    List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    assertTrue(severe.isEmpty(), "browser log: " + severe.stream().map(LogEntry::getMessage)
        .collect(Collectors.joining("\n")));
    Files.write(REPORT.resolve("screenshot.png"), driver.getScreenshotAs(OutputType.BYTES));
    assertTrue(Files.size(REPORT.resolve("screenshot.png")) > 10_000);
  }

  @Test
  void hoveringOverAPositionShowsItsSemanticDictionary() {
    new Select(driver.findElement(By.id("layer-select"))).selectByValue(layers.get(0));
    String layer = layers.get(0);
    SemanticDictionary d = SemanticDictionary.of(layer,
        HiddenAttribution.gradient(graph, digit, layer, Target.argmax()).activation(), TOP_K);
    // two positions whose top channels differ
    int p = 0;
    int q = -1;
    for (int i = 1; i < d.entries().size() && q < 0; i++) {
      if (d.entries().get(i).get(0).channel() != d.entries().get(p).get(0).channel()) {
        q = i;
      }
    }
    assertTrue(q > 0, "some position has another top channel");
    WebElement section = visibleSection();
    WebElement panel = section.findElement(By.cssSelector(".dictionary"));
    for (int pos : new int[] {p, q}) {
      new Actions(driver).moveToElement(section.findElement(By.cssSelector(".cell[data-p=\"" + pos + "\"]"))).perform();
      int y = pos / d.width();
      int x = pos % d.width();
      assertEquals(y + "," + x, panel.getDomAttribute("data-position"));
      List<String> shown = panel.findElements(By.tagName("figcaption")).stream().map(WebElement::getText).toList();
      List<String> expected = d.at(y, x).stream().map(e -> "channel " + e.channel() + ":").toList();
      assertEquals(expected.size(), shown.size(), shown.toString());
      for (int k = 0; k < expected.size(); k++) {
        assertTrue(shown.get(k).startsWith(expected.get(k)), shown + " vs " + expected);
      }
      for (WebElement img : panel.findElements(By.tagName("img"))) {
        Object width = driver.executeScript("return arguments[0].naturalWidth;", img);
        assertTrue(((Number) width).intValue() > 0, "icon loaded: " + img.getDomAttribute("src"));
      }
    }
  }

  @Test
  void theLayerSelectorSwitchesLayers() {
    assertTrue(layers.size() >= 2, layers.toString());
    Select select = new Select(driver.findElement(By.id("layer-select")));
    assertEquals(layers, select.getOptions().stream().map(o -> o.getDomAttribute("value")).toList());
    for (String layer : List.of(layers.get(1), layers.get(0))) {
      select.selectByValue(layer);
      assertEquals(layer, visibleSection().getDomAttribute("data-layer"));
      assertEquals(1, driver.findElements(By.cssSelector("section.layer")).stream().filter(WebElement::isDisplayed)
          .count());
    }
  }

  private static WebElement visibleSection() {
    return driver.findElements(By.cssSelector("section.layer")).stream().filter(WebElement::isDisplayed)
        .findFirst().orElseThrow();
  }
}
