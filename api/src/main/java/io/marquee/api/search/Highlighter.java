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
 * Marks the words of a movie that match what was searched for, in the text as delivered (accents and case kept),
 * by the rules the search matched them with: a word matches a searched word when they fold alike, when it starts with
 * a searched word of two letters or more ({@code dar kni}), or within the search's typo tolerance ({@link Typos}).
 * Excluded words are not searched for, so never marked.
 */
final class Highlighter {

    static final String OPEN = "<mark>";
    static final String CLOSE = "</mark>";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    private static final int FRAGMENT_BEFORE = 60;
    private static final int FRAGMENT_AFTER = 120;

    private final List<String> terms;
    private final boolean fuzzy;

    private Highlighter(List<String> terms, boolean fuzzy) {
        this.terms = terms;
        this.fuzzy = fuzzy;
    }

    /** A highlighter for the text of a request: {@code q}, {@code title} and {@code cast}. */
    static Highlighter of(MovieSearchRequest request) {
        List<String> terms = new ArrayList<>();
        if (request.q() != null) {
            terms.addAll(SearchText.parse(request.q()).terms());
        }
        for (String text : Arrays.asList(request.title(), request.cast())) {
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
            if (folded.equals(term) || (term.length() >= MovieQueries.MIN_PREFIX && folded.startsWith(term))) {
                return true;
            }
            if (fuzzy && Typos.matches(folded, term)) {
                return true;
            }
        }
        return false;
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
