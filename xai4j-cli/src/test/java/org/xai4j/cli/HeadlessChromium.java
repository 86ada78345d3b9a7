package org.xai4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * A headless Chromium driven by Selenium for page tests: the system's {@code chromium} and
 * {@code chromedriver} (Debian's packages; {@code -Dxai4j.chromium} and {@code -Dxai4j.chromedriver}
 * name others), as xai4j-report's browser tests use them. Tests using it are skipped with a message when
 * either is missing, except under {@code CI=true}, where they fail.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final Path CHROMIUM = Path.of(System.getProperty("xai4j.chromium", "/usr/bin/chromium"));
  private static final Path DRIVER = Path.of(System.getProperty("xai4j.chromedriver", "/usr/bin/chromedriver"));
  private static final int WINDOW_WIDTH = 1400;
  private static final int WINDOW_HEIGHT = 1000;

  private final ChromeDriver driver;

  private HeadlessChromium(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Starts the browser, or skips the calling test (fails it under {@code CI=true}) without Chromium or its driver. */
  static HeadlessChromium start() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    String missing = "no " + CHROMIUM + " or " + DRIVER + " (apt-get install chromium chromium-driver, or set "
        + "-Dxai4j.chromium and -Dxai4j.chromedriver)";
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(missing + "; under CI=true the browser tests must run");
    }
    Assumptions.assumeTrue(installed, "skipped: " + missing);
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--allow-file-access-from-files", "--window-size=" + WINDOW_WIDTH + "," + WINDOW_HEIGHT);
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, Level.ALL.getName()));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    return new HeadlessChromium(new ChromeDriver(service, options));
  }

  /** The driver, to load pages and run scripts. */
  ChromeDriver driver() {
    return driver;
  }

  /** The browser console's errors (severe entries: script errors, failed loads) since the last call. */
  List<String> errors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
