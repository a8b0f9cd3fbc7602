package io.tousu.bench;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/** The dashboard signed in with a token, once it has loaded, in Debian's chromium (nothing downloaded). */
final class DashboardShot {
    private DashboardShot() {
    }

    static void save(String base, String token, Path file) throws IOException {
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--no-first-run", "--window-size=1400,1300",
                        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.get(base + "/");
            browser.findElement(By.id("token")).sendKeys(token);
            browser.findElement(By.cssSelector("#signin button")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> "true".equals(
                    b.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
            Thread.sleep(1500); // the charts' entry animation
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), file,
                    StandardCopyOption.REPLACE_EXISTING);
            System.out.println("dashboard: " + file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            browser.quit();
        }
    }
}
