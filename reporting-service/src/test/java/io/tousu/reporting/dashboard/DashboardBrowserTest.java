package io.tousu.reporting.dashboard;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tousu.local.KafkaProbe;
import io.tousu.local.LocalInfra;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * The dashboard in a real browser: Debian's chromium driven through its chromedriver (nothing is
 * downloaded), against this service on the real broker and database.
 */
@QuarkusTest
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ANALYST = LocalInfra.tokens().forRole("analyst");
    private final KafkaProbe kafka = new KafkaProbe(LocalInfra.forThisJvm().kafkaBootstrap());

    @TestHTTPResource("/")
    URL page;

    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver fonts-noto-cjk)").exists();
        assertThat(DRIVER).as("Debian's chromium-driver").exists();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--window-size=1400,1100",
                        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void received(UUID c, String subject, String category, Instant at) {
        kafka.send("complaints.received", c.toString(), """
                {"complaintId":"%s","number":"TS%s","channel":"HOTLINE","type":"COMPLAINT","category":"%s",
                 "area":"北京市海淀区","receivedAt":"%s","subject":"%s"}"""
                .formatted(c, c.toString().substring(0, 8), category, at.atZone(ZoneId.of("Asia/Shanghai"))
                        .toOffsetDateTime(), subject.replace("\"", "\\\"")),
                Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", "ComplaintReceived.v1",
                        "ce_source", "/test", "ce_subject", c.toString()));
    }

    private void signIn(String token) {
        browser.get(page.toString());
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.cssSelector("#signin button")).click();
    }

    private void awaitLoaded(String state) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> state.equals(
                b.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
    }

    @Test
    void drawsTheChartsShowsTheApisNumbersAndTreatsComplaintTextAsText() throws Exception {
        Instant now = Instant.now();
        String script = "<script>window.pwned = 1</script>停电三天无人处理";
        for (int i = 0; i < 5; i++) {
            received(UUID.randomUUID(), "本月被扣了不认识的增值业务费 " + i, i < 3 ? "FEES.SP_CHARGE" : "BASIC.NO_SIGNAL",
                    now.minusSeconds(60L * i));
        }
        received(UUID.randomUUID(), script, "POWER.OUTAGE", now);
        long today = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(ANALYST)
                .when().get("/api/v1/reports/dashboard").then().statusCode(200)
                .extract().<Integer>path("todayKpis.received").longValue(), n -> n >= 6);

        signIn(ANALYST);
        awaitLoaded("true");
        long shown = Long.parseLong(browser.findElement(By.id("today-received")).getText());
        long api = given().auth().oauth2(ANALYST).when().get("/api/v1/reports/dashboard").then()
                .body("todayKpis.received", greaterThanOrEqualTo((int) today))
                .extract().<Integer>path("todayKpis.received").longValue();
        assertThat(shown).isEqualTo(api);
        assertThat(browser.findElements(By.cssSelector("#trend svg path"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#categories svg path"))).isNotEmpty();
        assertThat(browser.findElement(By.id("recent")).getText()).contains(script);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined")).isEqualTo(true);

        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target/dashboard.png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isGreaterThan(10_000);
    }

    @Test
    void aDepartmentsTokenIsRefused() {
        signIn(LocalInfra.tokens().forDepartment("billing"));
        awaitLoaded("refused");
        assertThat(browser.findElement(By.id("message")).getText()).contains("无权查看");
    }
}
