package io.marquee.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Word-level rules for folded titles and names, shared by the index (what is stored) and the API (how a match is
 * judged): the leading article people leave out, and the word suffixes from which typeahead can start a match.
 */
public final class TitleWords {

    /** Articles a title may start with that people leave out when they name it ("godfather" for The Godfather). */
    static final Set<String> ARTICLES = Set.of("the", "a", "an");
    /** More words than this in a title or name start no further suffixes: nobody starts typing at the tenth word. */
    static final int MAX_STARTS = 8;

    private TitleWords() {
    }

    /** The folded text without a leading article, when other words follow it; otherwise the text itself. */
    public static String bare(String folded) {
        int space = folded.indexOf(' ');
        return space > 0 && ARTICLES.contains(folded.substring(0, space)) ? folded.substring(space + 1) : folded;
    }

    /**
     * The text from each of its words to the end: {@code the dark knight}, {@code dark knight}, {@code knight}. Words
     * shorter than {@code minWord} start no suffix (a name's initial: {@code l jackson}), except the first.
     */
    public static List<String> suffixes(String folded, int minWord) {
        List<String> suffixes = new ArrayList<>();
        if (folded.isEmpty()) {
            return suffixes;
        }
        suffixes.add(folded);
        int from = 0;
        while (suffixes.size() < MAX_STARTS) {
            int space = folded.indexOf(' ', from);
            if (space < 0) {
                break;
            }
            from = space + 1;
            int next = folded.indexOf(' ', from);
            if ((next < 0 ? folded.length() : next) - from >= minWord) {
                suffixes.add(folded.substring(from));
            }
        }
        return suffixes;
    }

    /** Whether {@code suffix} of {@code folded} starts at its first word, or right after a leading article. */
    public static boolean startsAtTheStart(String folded, String suffix) {
        return folded.equals(suffix) || bare(folded).equals(suffix);
    }

    /** The number of space-separated words. */
    public static int count(String folded) {
        if (folded.isEmpty()) {
            return 0;
        }
        int words = 1;
        for (int i = 0; i < folded.length(); i++) {
            if (folded.charAt(i) == ' ') {
                words++;
            }
        }
        return words;
    }
}
