package io.identitybridge.it.support;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's Chromium and chromedriver, named explicitly so that Selenium Manager never looks for (or downloads)
 * anything. Without them the browser tests are skipped, except where {@code IB_REQUIRE_BROWSER=true} (as
 * {@code .ci/run} sets it), where a missing browser is a failure.
 */
public final class HeadlessChromium {

    public static final Path CHROMIUM = Path.of(System.getProperty("ib.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("ib.chromedriver", "/usr/bin/chromedriver"));

    /** Held so that the level sticks: Selenium ships no DevTools bindings for every Chromium, and we use none. */
    private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    static {
        CDP_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private HeadlessChromium() {
    }

    /** Skips the calling test (or fails it in CI) when Chromium is not installed. */
    public static void assumeInstalled() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String why = "needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                + "): apt-get install -y chromium chromium-driver";
        if (!present && Boolean.parseBoolean(System.getenv("IB_REQUIRE_BROWSER"))) {
            throw new IllegalStateException(why);
        }
        Assumptions.assumeTrue(present, why);
    }

    public static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new TokenCheckingDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /**
     * Signs a user in on Keycloak's login form, which the browser must be heading to, and waits until it lands on a URL
     * that contains {@code landing}; returns that URL.
     */
    public static URI signIn(ChromeDriver browser, String user, String password, String landing) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("username")))
                .sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains(landing));
        return URI.create(browser.getCurrentUrl());
    }

    /** The browser's URL (fragments included) and page are where browser-flow tokens arrive: each is checked. */
    private static final class TokenCheckingDriver extends ChromeDriver {
        public TokenCheckingDriver(ChromeDriverService service, ChromeOptions options) {
            super(service, options);
        }

        @Override
        public String getCurrentUrl() {
            String url = super.getCurrentUrl();
            JwtCheck.scan(url);
            return url;
        }

        @Override
        public String getPageSource() {
            String page = super.getPageSource();
            JwtCheck.scan(page);
            return page;
        }
    }

    /** Saves a PNG under {@code target/screenshots/} (documentation copies live in docs/). */
    public static Path screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Install.workDir().resolveSibling("screenshots");
            Files.createDirectories(dir);
            File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = dir.resolve(name);
            Files.copy(png.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
