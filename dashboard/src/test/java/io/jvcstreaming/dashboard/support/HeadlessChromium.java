package io.jvcstreaming.dashboard.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium through Debian's chromedriver, with no network beyond what a test maps. */
public final class HeadlessChromium {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private HeadlessChromium() {
  }

  /**
   * @param hostMappings {@code --host-resolver-rules} entries before the catch-all (e.g. {@code MAP host 127.0.0.1:p});
   *                     every other name fails to resolve, 127.0.0.1 is always reachable
   */
  public static ChromeDriver start(Path workDir, String hostMappings) {
    assertInstalled();
    // Explicit binaries so Selenium Manager never tries to download a driver or a browser.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-extensions", "--user-data-dir=" + workDir.resolve("chromium-profile"),
        "--window-size=1280,900", "--force-device-scale-factor=1", "--lang=en-US",
        "--host-resolver-rules=" + (hostMappings.isEmpty() ? "" : hostMappings + ", ")
            + "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--ignore-certificate-errors");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withLogOutput(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
        .build();
    ChromeDriver d = new ChromeDriver(service, options);
    d.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    return d;
  }

  private static void assertInstalled() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(CHROMIUM)) {
      missing.add(CHROMIUM.toString());
    }
    if (!Files.isExecutable(CHROMEDRIVER)) {
      missing.add(CHROMEDRIVER.toString());
    }
    if (!missing.isEmpty()) {
      throw new AssertionError("The dashboard browser test needs Debian's chromium and chromium-driver, missing: "
          + missing + ". Run .ci/install-test-deps.sh (as root) and build again.");
    }
  }
}
