package io.marquee.api.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.marquee.api.catalog.MovieView;
import io.marquee.text.TextFolding;

/**
 * Marks the words of a movie that match what was searched for, in the text as delivered (accents and case kept):
 * a word matches a searched word when they fold alike, when it starts with the last word searched (as typed), or
 * within the typo tolerance of the search (one edit from four characters, two from eight, never the first letter).
 */
final class Highlighter {

    static final String OPEN = "<mark>";
    static final String CLOSE = "</mark>";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    private static final int FRAGMENT_BEFORE = 60;
    private static final int FRAGMENT_AFTER = 120;

    private final List<String> terms;
    private final String last;
    private final boolean fuzzy;

    private Highlighter(List<String> terms, boolean fuzzy) {
        this.terms = terms;
        this.last = terms.isEmpty() ? null : terms.get(terms.size() - 1);
        this.fuzzy = fuzzy;
    }

    /** A highlighter for the text of a request: {@code q}, {@code title} and {@code cast}. */
    static Highlighter of(MovieSearchRequest request) {
        List<String> terms = new ArrayList<>();
        for (String text : Arrays.asList(request.q(), request.title(), request.cast())) {
            if (text != null) {
                terms.addAll(Arrays.stream(TextFolding.fold(text).split(" ")).filter(t -> !t.isEmpty()).toList());
            }
        }
        return new Highlighter(terms, request.fuzzy());
    }

    Optional<Highlight> highlight(MovieView movie) {
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        String title = mark(movie.title());
        List<String> cast = movie.cast() == null ? List.of() : movie.cast().stream().map(this::mark).filter(m -> m != null).toList();
        String extract = fragment(movie.extract());
        if (title == null && cast.isEmpty() && extract == null) {
            return Optional.empty();
        }
        return Optional.of(new Highlight(title, cast, extract));
    }

    /** The text with its matching words marked, or null when none matches. */
    private String mark(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        boolean any = false;
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            if (matches(TextFolding.fold(word.group()))) {
                out.append(escape(text.substring(from, word.start()))).append(OPEN).append(escape(word.group())).append(CLOSE);
                from = word.end();
                any = true;
            }
        }
        return any ? out.append(escape(text.substring(from))).toString() : null;
    }

    /** Around the first match in a long text, marked; null when nothing matches. */
    private String fragment(String text) {
        if (text == null) {
            return null;
        }
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            if (matches(TextFolding.fold(word.group()))) {
                int start = Math.max(0, word.start() - FRAGMENT_BEFORE);
                int end = Math.min(text.length(), word.end() + FRAGMENT_AFTER);
                while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
                    start--;
                }
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                String marked = mark(text.substring(start, end));
                return (start > 0 ? "…" : "") + marked + (end < text.length() ? "…" : "");
            }
        }
        return null;
    }

    private boolean matches(String folded) {
        if (folded.isEmpty()) {
            return false;
        }
        for (String term : terms) {
            if (folded.equals(term) || (term.equals(last) && term.length() >= 2 && folded.startsWith(term))) {
                return true;
            }
            if (fuzzy && term.length() >= 4 && folded.charAt(0) == term.charAt(0)
                    && withinEdits(folded, term, term.length() >= 8 ? 2 : 1)) {
                return true;
            }
        }
        return false;
    }

    /** Whether two words are at most {@code max} insertions, deletions, substitutions or transpositions apart. */
    static boolean withinEdits(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return false;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()] <= max;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
