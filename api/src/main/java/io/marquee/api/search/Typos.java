package io.marquee.api.search;

/**
 * Typo tolerance, written once for search, highlighting and typeahead. A word tolerates one edit (an insertion, a
 * deletion, a substitution or a transposition) from {@value #ONE_EDIT} characters and two from {@value #TWO_EDITS},
 * never in its first letter: Algolia's defaults, one letter earlier than Meilisearch (5 and 9) and one later than
 * Typesense's second typo (4 and 7). Typeahead never puts a typo in the last {@value #PROTECTED_TAIL} letters typed:
 * they are what the person is typing now, so {@code tom cr} never offers "Tom Co…".
 */
public final class Typos {

    public static final int ONE_EDIT = 4;
    public static final int TWO_EDITS = 8;
    /** Letters at the start of a word that must match exactly. */
    public static final int EXACT_PREFIX = 1;
    /** Letters at the end of what was typed that must match exactly in typeahead. */
    public static final int PROTECTED_TAIL = 2;
    /** How many spellings one fuzzy word may expand to. */
    public static final int MAX_EXPANSIONS = 50;

    private Typos() {
    }

    /** The edits a word (or typed text) of this length tolerates. */
    public static int edits(int length) {
        return length >= TWO_EDITS ? 2 : length >= ONE_EDIT ? 1 : 0;
    }

    /** The fuzziness of a word for Elasticsearch: {@code "0"}, {@code "1"} or {@code "2"}. */
    public static String fuzziness(String word) {
        return Integer.toString(edits(word.length()));
    }

    /** Whether {@code candidate} is {@code word} within its tolerance (the first letter exact). */
    public static boolean matches(String candidate, String word) {
        int edits = edits(word.length());
        return edits > 0 && !candidate.isEmpty() && candidate.charAt(0) == word.charAt(0) && withinEdits(candidate, word, edits);
    }

    /**
     * Whether a completion {@code candidate} continues {@code typed} under typeahead's rule: some prefix of it ends with
     * the typed text's last {@value #PROTECTED_TAIL} letters exactly, and before them is within the typed text's
     * tolerance of the rest of what was typed (the first letter exact).
     */
    public static boolean continues(String candidate, String typed) {
        if (candidate.startsWith(typed)) {
            return true;
        }
        int edits = edits(typed.length());
        if (edits == 0 || typed.length() <= PROTECTED_TAIL || candidate.isEmpty() || candidate.charAt(0) != typed.charAt(0)) {
            return false;
        }
        String head = typed.substring(0, typed.length() - PROTECTED_TAIL);
        String tail = typed.substring(typed.length() - PROTECTED_TAIL);
        for (int end = Math.max(PROTECTED_TAIL, head.length() - edits + PROTECTED_TAIL);
                end <= Math.min(candidate.length(), head.length() + edits + PROTECTED_TAIL); end++) {
            if (candidate.startsWith(tail, end - PROTECTED_TAIL) && withinEdits(candidate.substring(0, end - PROTECTED_TAIL), head, edits)) {
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
}
