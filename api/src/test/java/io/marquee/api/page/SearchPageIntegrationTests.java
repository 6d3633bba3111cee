package io.marquee.api.page;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.marquee.api.ApiTestSupport;
import io.marquee.testsupport.elasticsearch.ElasticsearchTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search page in a real browser (the machine's headless Chromium, driven by Playwright) against the real API
 * and the sample catalogue. Each test leaves a screenshot in {@code target/screenshots/} for review.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ElasticsearchTest
class SearchPageIntegrationTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    private Page page;
    private final List<String> scriptErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        ApiTestSupport.register(registry, SearchPageIntegrationTests.class);
    }

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        ApiTestSupport.loadSample(SearchPageIntegrationTests.class);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        // The flags keep Chromium off the network it cannot reach here (it would retry, many connections at a time).
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void stop() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void open() {
        page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
        page.setDefaultTimeout(15_000);
        page.onPageError(scriptErrors::add);
    }

    @AfterEach
    void screenshot(TestInfo test) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png"))
                .setFullPage(true));
        page.close();
        assertThat(scriptErrors).as("errors thrown by the page's scripts").isEmpty();
    }

    @Test
    void showsTheRightMovieForAMisspelledTitleAsYouType() {
        page.navigate(url("/"));
        page.getByLabel("Search movies by title, cast or words from the story")
                .pressSequentially("jurasic park", new Locator.PressSequentiallyOptions().setDelay(40));

        Locator first = page.locator("#cards .card h3").first();
        assertThat(first).hasText("Jurassic Park");
        assertThat(page.locator("#cards .card h3 mark").first()).isVisible();
        assertThat(page.locator("#results-heading")).containsText("for “jurasic park”");
        assertThat(page).hasURL(Pattern.compile(".*\\?q=jurasic\\+park$"));
    }

    @Test
    void findsAnActorByAMisspeltNameWithAccentsIgnored() {
        page.navigate(url("/?q=penelope+cruz"));
        assertThat(page.locator("#cards .card").first()).containsText("Penélope Cruz");
    }

    @Test
    void narrowsTheResultsWithGenreAndDecadeFacets() {
        page.navigate(url("/"));
        Locator heading = page.locator("#results-heading");
        assertThat(heading).containsText("movies");
        long all = count(heading.textContent());

        page.locator("#genres").getByLabel(Pattern.compile("^Drama")).check();
        assertThat(page).hasURL(Pattern.compile(".*genre=Drama.*"));
        page.waitForCondition(() -> count(heading.textContent()) < all);
        long drama = count(heading.textContent());
        assertThat(drama).isPositive().isLessThan(all);
        for (Locator card : page.locator("#cards .card").all()) {
            assertThat(card.locator(".chip", new Locator.LocatorOptions().setHasText("Drama"))).isVisible();
        }

        page.locator("#decades").getByLabel(Pattern.compile("^1990s")).check();
        page.waitForCondition(() -> count(heading.textContent()) < drama);
        assertThat(page.locator("#year-from")).hasValue("1990");
        assertThat(page.locator("#year-to")).hasValue("1999");
        for (Locator year : page.locator("#cards .card .meta").all()) {
            int value = Integer.parseInt(year.textContent().replaceAll("^(\\d{4}).*", "$1"));
            assertThat(value).isBetween(1990, 1999);
        }
    }

    @Test
    void picksATypeaheadSuggestionWithTheKeyboard() {
        page.navigate(url("/"));
        Locator box = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Search movies"));
        box.pressSequentially("jura", new Locator.PressSequentiallyOptions().setDelay(60));
        Locator options = page.getByRole(AriaRole.OPTION);
        assertThat(options.first()).isVisible();
        assertThat(box).hasAttribute("aria-expanded", "true");

        box.press("ArrowDown");
        box.press("ArrowDown");
        Locator chosen = page.locator("#suggestions [aria-selected=true]");
        assertThat(chosen).hasId("suggestion-1");
        assertThat(box).hasAttribute("aria-activedescendant", "suggestion-1");
        boolean title = chosen.getAttribute("class").contains("title");
        String text = chosen.textContent().replaceFirst("^(Title|Cast) ", "").replaceFirst(" \\d{4}$", "").strip();
        box.press("Enter");

        assertThat(box).hasValue(text);
        assertThat(page.getByRole(AriaRole.LISTBOX)).isHidden();
        if (title) {
            // A title opens that movie.
            assertThat(page.locator("#detail-title")).containsText(text);
            page.keyboard().press("Escape");
        }
        assertThat(page.locator("#cards .card").first()).containsText(text);
    }

    @Test
    void saysWhatToDoWhenTheApiFails() {
        page.route("**/v1/movies?**", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(503)
                .setContentType("application/problem+json").setHeaders(Map.of("Retry-After", "5"))
                .setBody("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503}")));
        page.navigate(url("/?q=heat"));

        Locator alert = page.getByRole(AriaRole.ALERT);
        assertThat(alert).containsText("Search is unavailable right now");
        assertThat(alert.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Try again"))).isVisible();

        page.unroute("**/v1/movies?**");
        alert.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Try again")).click();
        assertThat(page.locator("#cards .card").first()).isVisible();
        assertThat(page.getByRole(AriaRole.ALERT)).hasCount(0);
    }

    @Test
    void saysSoWhenNothingMatches() {
        page.navigate(url("/?q=zzqxv+wwkjh&genre=Drama"));
        assertThat(page.locator(".empty")).containsText("No movies match “zzqxv wwkjh” with these filters");
        page.locator(".empty").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Clear filters")).click();
        assertThat(page).not().hasURL(Pattern.compile(".*genre=.*"));
    }

    @Test
    void offersTheCataloguesSpellingAsALink() {
        // A wrong first letter is beyond typo tolerance, so nothing matches; the catalogue knows the words.
        page.navigate(url("/?q=kurassic+park"));
        Locator offer = page.locator(".empty .did-you-mean");
        assertThat(offer).containsText("Did you mean jurassic park?");
        offer.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("jurassic park")).click();
        assertThat(page.locator("#cards .card").first()).containsText("Jurassic Park");
        assertThat(page).hasURL(Pattern.compile(".*q=jurassic\\+park.*"));
    }

    @Test
    void fitsAPhoneWithEveryControlLabelled() {
        page.setViewportSize(390, 844);
        page.navigate(url("/?q=star+wars"));
        assertThat(page.locator("#cards .card").first()).isVisible();
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isTrue();
        Object unlabelled = page.evaluate("""
                [...document.querySelectorAll('input, select')].filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
                    .map(e => e.id || e.name)""");
        assertThat((List<?>) unlabelled).isEmpty();
    }

    @Test
    void opensAMovieAndAsksForAKeyBeforeShowingItsHistory() {
        page.navigate(url("/?q=heat"));
        page.locator("#cards .card button.title").first().click();
        assertThat(page.locator("#detail")).isVisible();
        assertThat(page.locator("#detail-title")).containsText("Heat");
        assertThat(page.locator("#history-list")).isEmpty();

        page.getByLabel("An admin or write key shows this movie's changes").fill("not-a-key");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show history")).click();
        assertThat(page.locator("#history-list")).containsText("That key may not read history");
        page.keyboard().press("Escape");
        assertThat(page.locator("#detail")).isHidden();
    }

    @Test
    void showsAMoviesHistoryToAnAdmin() {
        page.navigate(url("/?q=heat"));
        page.locator("#cards .card button.title").first().click();
        page.getByLabel("An admin or write key shows this movie's changes").fill(ApiTestSupport.ADMIN_KEY);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show history")).click();

        Locator first = page.locator("#history-list li").first();
        assertThat(first.locator("strong")).hasText("create");
        assertThat(first).containsText("(title, year, cast, genres");
    }

    @Test
    void meetsWcagAaOnResultsAndInTheDetailView() {
        page.navigate(url("/?q=star+wars&genre=Science+Fiction"));
        assertThat(page.locator("#cards .card").first()).isVisible();
        assertNoAccessibilityViolations("the results with a facet chosen");

        page.locator("#cards .card button.title").first().click();
        assertThat(page.locator("#detail")).isVisible();
        assertNoAccessibilityViolations("the detail view");
    }

    /** axe-core's WCAG 2.1 A and AA rules (contrast, names, roles, landmarks, …) against the page as it stands. */
    private void assertNoAccessibilityViolations(String what) {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        List<String> violations = results.getViolations().stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
        assertThat(results.getPasses()).as("rules axe checked on %s", what).isNotEmpty();
        assertThat(violations).as("accessibility violations on %s", what).isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static long count(String heading) {
        String digits = heading.replaceAll("^\\D*([\\d,]+).*$", "$1").replace(",", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }
}
