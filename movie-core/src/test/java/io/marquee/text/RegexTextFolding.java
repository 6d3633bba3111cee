package io.marquee.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The first implementation of {@link TextFolding}, in regular expressions: the reference the single-pass one must
 * equal on every input, because document ids are derived from {@link #identity}.
 */
final class RegexTextFolding {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    // "E.T." and "L.A." must fold to "et" and "la", not to the single letters a tokenizer would make of them.
    private static final Pattern DOTTED_ACRONYM = Pattern.compile("(?<![\\p{L}\\p{N}])(?:\\p{L}\\.){2,}");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´]");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    // Letters that Unicode decomposition leaves alone but readers treat as plain Latin letters.
    private static final Map<Character, String> SPECIAL_LETTERS = Map.ofEntries(
            Map.entry('ø', "o"), Map.entry('Ø', "o"), Map.entry('æ', "ae"), Map.entry('Æ', "ae"),
            Map.entry('œ', "oe"), Map.entry('Œ', "oe"), Map.entry('ß', "ss"), Map.entry('ł', "l"),
            Map.entry('Ł', "l"), Map.entry('đ', "d"), Map.entry('Đ', "d"), Map.entry('ð', "d"),
            Map.entry('Ð', "d"), Map.entry('þ', "th"), Map.entry('Þ', "th"), Map.entry('ı', "i"),
            Map.entry('ħ', "h"), Map.entry('Ħ', "h"));

    // Sequels are numbered both ways ("Ghostbusters II", "ghostbusters 2"). Single letters stay letters: "I", "V" and
    // "X" are words and names far more often than numbers.
    private static final Map<String, String> ROMAN_NUMERALS = Map.ofEntries(
            Map.entry("ii", "2"), Map.entry("iii", "3"), Map.entry("iv", "4"), Map.entry("vi", "6"), Map.entry("vii", "7"),
            Map.entry("viii", "8"), Map.entry("ix", "9"), Map.entry("xi", "11"), Map.entry("xii", "12"), Map.entry("xiii", "13"),
            Map.entry("xiv", "14"), Map.entry("xv", "15"), Map.entry("xvi", "16"), Map.entry("xvii", "17"), Map.entry("xviii", "18"),
            Map.entry("xix", "19"), Map.entry("xx", "20"));
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private RegexTextFolding() {
    }

    /**
     * Folds accents, case and punctuation, and writes Roman numerals from II to XX as numbers:
     * {@code "Léon: The Professional"} becomes {@code "leon the professional"}, {@code "Ghostbusters II"}
     * {@code "ghostbusters 2"}. Returns an empty string for {@code null}.
     */
    static String fold(String text) {
        return WORD.matcher(identity(text)).replaceAll(m -> ROMAN_NUMERALS.getOrDefault(m.group(), m.group()));
    }

    /**
     * Folds accents, case and punctuation only: the form document ids are derived from. It must never change, or
     * every id (and every audit trail keyed by one) would; matching rules belong in {@link #fold}.
     */
    static String identity(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String withoutMarks = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        StringBuilder latin = new StringBuilder(withoutMarks.length());
        for (int i = 0; i < withoutMarks.length(); i++) {
            char c = withoutMarks.charAt(i);
            String replacement = SPECIAL_LETTERS.get(c);
            if (replacement != null) {
                latin.append(replacement);
            }
            else if (c == '&') {
                latin.append(" and ");
            }
            else {
                latin.append(c);
            }
        }
        String acronymsJoined = DOTTED_ACRONYM.matcher(latin).replaceAll(m -> m.group().replace(".", ""));
        String noApostrophes = APOSTROPHES.matcher(acronymsJoined).replaceAll("");
        return NON_WORD.matcher(noApostrophes.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
