package io.marquee.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.marquee.text.TextFolding;

/**
 * The as-you-type measure: well-known titles and people typed one letter at a time (a title, then a space and its
 * year), counting the keystrokes until {@code /v1/suggest} shows the item first. An item never shown first counts
 * every keystroke of its text and is listed. Read from a tab-separated resource ({@code title} or {@code cast}, then
 * {@code Title (year)} or the name).
 */
public final class TypeaheadKeystrokes {

    private final List<Item> items;

    private TypeaheadKeystrokes(List<Item> items) {
        this.items = items;
    }

    public static TypeaheadKeystrokes load(String resource) {
        return new TypeaheadKeystrokes(TabSeparated.rows(resource).stream().map(cells -> Item.of(cells[0], cells[1].strip())).toList());
    }

    public Results run(WebTestClient http) {
        List<Typed> typed = new ArrayList<>();
        for (Item item : items) {
            int needed = 0;
            for (int n = 1; n <= item.typing().length() && needed == 0; n++) {
                String prefix = item.typing().substring(0, n);
                if (prefix.isBlank() || Character.isWhitespace(prefix.charAt(n - 1))) {
                    continue;
                }
                List<Suggestion> suggestions = suggest(http, prefix);
                if (!suggestions.isEmpty() && item.isShownBy(suggestions.get(0))) {
                    needed = n;
                }
            }
            typed.add(new Typed(item, needed));
        }
        return new Results(typed);
    }

    private static List<Suggestion> suggest(WebTestClient http, String prefix) {
        Suggestions body = http.get().uri(u -> u.path("/v1/suggest").queryParam("q", "{q}").build(prefix)).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Suggestions>() {
                }).returnResult().getResponseBody();
        return body.suggestions();
    }

    record Suggestions(List<Suggestion> suggestions) {
    }

    record Suggestion(String type, String text, Integer year) {
    }

    /** A title ({@code year} set) or a person to type, and what is typed for it. */
    public record Item(String type, String text, Integer year, String typing) {

        static Item of(String type, String label) {
            if ("title".equals(type)) {
                int open = label.lastIndexOf(" (");
                String title = label.substring(0, open);
                int year = Integer.parseInt(label.substring(open + 2, label.length() - 1));
                return new Item(type, title, year, title + " " + year);
            }
            return new Item(type, label, null, label);
        }

        boolean isShownBy(Suggestion suggestion) {
            return type.equals(suggestion.type()) && TextFolding.fold(text).equals(TextFolding.fold(suggestion.text()))
                    && (year == null || year.equals(suggestion.year()));
        }

        String label() {
            return year == null ? text : text + " (" + year + ")";
        }
    }

    /** An item and the keystrokes it took to be first (0: never, within its whole text). */
    public record Typed(Item item, int keystrokes) {

        public int counted() {
            return keystrokes == 0 ? item.typing().length() : keystrokes;
        }
    }

    public record Results(List<Typed> typed) {

        public double mean() {
            return typed.stream().mapToInt(Typed::counted).average().orElse(0);
        }

        public int worst() {
            return typed.stream().mapToInt(Typed::counted).max().orElse(0);
        }

        public List<Typed> neverFirst() {
            return typed.stream().filter(t -> t.keystrokes() == 0).toList();
        }

        public long count(String type) {
            return typed.stream().filter(t -> t.item().type().equals(type)).count();
        }

        public String report(Path file) {
            StringBuilder out = new StringBuilder("# Typeahead: keystrokes until the item is first\n\n");
            out.append(String.format(Locale.ROOT, "%d titles and %d people: mean %.2f keystrokes, worst %d, never first %d.%n%n", count("title"),
                    count("cast"), mean(), worst(), neverFirst().size()));
            out.append("| item | kind | keystrokes | of |\n|---|---|---|---|\n");
            typed.stream().sorted((a, b) -> Integer.compare(b.counted(), a.counted())).forEach(t -> out.append(String.format("| %s | %s | %s | %d |%n",
                    t.item().label(), t.item().type(), t.keystrokes() == 0 ? "never" : Integer.toString(t.keystrokes()), t.item().typing().length())));
            return TabSeparated.report(file, out.toString());
        }
    }
}
