package io.marquee.api.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.marquee.text.TextFolding;

/**
 * What the free text {@code q} asks for, parsed as the peers parse it and folded: plain words, {@code "quoted
 * phrases"} that must appear as written, {@code -word} and {@code -"phrase"} that must not appear, and a four-digit
 * year from 1870 to 2100 among the plain words, which is a year signal as well as a word (so {@code 1917} still finds
 * the film called 1917). An unclosed quote is read as plain words.
 *
 * @param words the folded plain words, the year among them, in order
 * @param phrases folded phrases that must match
 * @param excluded folded words and phrases that must not match
 * @param year the year named among the words, if any
 */
public record SearchText(List<String> words, List<String> phrases, List<String> excluded, Integer year) {

    public SearchText {
        words = List.copyOf(words);
        phrases = List.copyOf(phrases);
        excluded = List.copyOf(excluded);
    }

    public static SearchText parse(String q) {
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = c == '-' && i + 1 < q.length() && !Character.isWhitespace(q.charAt(i + 1));
            int start = negated ? i + 1 : i;
            int close = q.charAt(start) == '"' ? q.indexOf('"', start + 1) : -1;
            int end;
            String text;
            boolean phrase = close > start;
            if (phrase) {
                text = q.substring(start + 1, close);
                end = close + 1;
            }
            else {
                end = start;
                while (end < q.length() && !Character.isWhitespace(q.charAt(end))) {
                    end++;
                }
                text = q.substring(start, end);
            }
            String folded = TextFolding.fold(text);
            if (!folded.isEmpty()) {
                if (negated) {
                    excluded.add(folded);
                }
                else if (phrase) {
                    phrases.add(folded);
                }
                else {
                    words.addAll(Arrays.asList(folded.split(" ")));
                }
            }
            i = end;
        }
        Integer year = words.stream().filter(SearchText::isYear).findFirst().map(Integer::valueOf).orElse(null);
        return new SearchText(words, phrases, excluded, year);
    }

    static boolean isYear(String word) {
        if (word.length() != 4 || !word.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int year = Integer.parseInt(word);
        return year >= MovieSearchRequest.MIN_YEAR && year <= MovieSearchRequest.MAX_YEAR;
    }

    /** The plain words and the words of the phrases: everything a match is looked for with. */
    public List<String> terms() {
        List<String> terms = new ArrayList<>(words);
        phrases.forEach(p -> terms.addAll(Arrays.asList(p.split(" "))));
        return terms;
    }

    /** The plain words without the year, when other words remain (the year is then a signal, not a word to match). */
    public List<String> wordsBesideTheYear() {
        if (year == null) {
            return words;
        }
        List<String> others = words.stream().filter(w -> !w.equals(year.toString())).toList();
        return others.isEmpty() && phrases.isEmpty() ? words : others;
    }

    /** The words and phrases that must match, as one folded text: what an exact title is compared with. */
    public Optional<String> whole(List<String> words) {
        List<String> all = new ArrayList<>(words);
        all.addAll(phrases);
        return all.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", all));
    }

    public boolean isEmpty() {
        return words.isEmpty() && phrases.isEmpty();
    }
}
