package io.marquee.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Folds text to the form stored in the {@code *Folded} fields and used for every query against them.
 * The core-only Elasticsearch distribution has no {@code asciifolding} filter, so folding lives here, in
 * one place, and both sides of a match go through it.
 * <p>
 * Written as passes over the characters rather than regular expressions: the indexer folds every title, cast name
 * and extract, and the regular-expression version was most of its CPU time. The tests hold that version as the
 * reference this one must equal on every input.
 */
public final class TextFolding {

    // Letters that Unicode decomposition leaves alone but readers treat as plain Latin letters.
    private static final Map<Character, String> SPECIAL_LETTERS = Map.ofEntries(
            Map.entry('ø', "o"), Map.entry('Ø', "o"), Map.entry('æ', "ae"), Map.entry('Æ', "ae"),
            Map.entry('œ', "oe"), Map.entry('Œ', "oe"), Map.entry('ß', "ss"), Map.entry('ł', "l"),
            Map.entry('Ł', "l"), Map.entry('đ', "d"), Map.entry('Đ', "d"), Map.entry('ð', "d"),
            Map.entry('Ð', "d"), Map.entry('þ', "th"), Map.entry('Þ', "th"), Map.entry('ı', "i"),
            Map.entry('ħ', "h"), Map.entry('Ħ', "h"));
    private static final String APOSTROPHES = "'’‘`´";

    // Sequels are numbered both ways ("Ghostbusters II", "ghostbusters 2"). Single letters stay letters: "I", "V" and
    // "X" are words and names far more often than numbers.
    private static final Map<String, String> ROMAN_NUMERALS = Map.ofEntries(
            Map.entry("ii", "2"), Map.entry("iii", "3"), Map.entry("iv", "4"), Map.entry("vi", "6"), Map.entry("vii", "7"),
            Map.entry("viii", "8"), Map.entry("ix", "9"), Map.entry("xi", "11"), Map.entry("xii", "12"), Map.entry("xiii", "13"),
            Map.entry("xiv", "14"), Map.entry("xv", "15"), Map.entry("xvi", "16"), Map.entry("xvii", "17"), Map.entry("xviii", "18"),
            Map.entry("xix", "19"), Map.entry("xx", "20"));
    private static final int LONGEST_NUMERAL = 5;

    private TextFolding() {
    }

    /**
     * Folds accents, case and punctuation, and writes Roman numerals from II to XX as numbers:
     * {@code "Léon: The Professional"} becomes {@code "leon the professional"}, {@code "Ghostbusters II"}
     * {@code "ghostbusters 2"}. Returns an empty string for {@code null}.
     */
    public static String fold(String text) {
        String words = identity(text);
        StringBuilder folded = null;
        int start = 0;
        while (start < words.length()) {
            int end = words.indexOf(' ', start);
            end = end < 0 ? words.length() : end;
            String numeral = end - start <= LONGEST_NUMERAL ? ROMAN_NUMERALS.get(words.substring(start, end)) : null;
            if (numeral != null && folded == null) {
                folded = new StringBuilder(words.length()).append(words, 0, start);
            }
            if (folded != null) {
                folded.append(numeral != null ? numeral : words.substring(start, end));
                if (end < words.length()) {
                    folded.append(' ');
                }
            }
            start = end + 1;
        }
        return folded == null ? words : folded.toString();
    }

    /**
     * Folds accents, case and punctuation only: the form document ids are derived from. It must never change, or
     * every id (and every audit trail keyed by one) would; matching rules belong in {@link #fold}.
     */
    public static String identity(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String latin = ascii(text) ? text : latin(Normalizer.normalize(text, Normalizer.Form.NFKD));
        // Lower-cased as a whole, between the passes, as the reference does: Greek final sigma depends on its neighbours.
        return words(withoutApostrophes(acronymsJoined(latin)).toLowerCase(Locale.ROOT));
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80 || text.charAt(i) == '&') {
                return false;
            }
        }
        return true;
    }

    /** Drops combining marks, and spells out letters decomposition leaves alone, and ampersands. */
    private static String latin(String decomposed) {
        StringBuilder latin = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length();) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            String replacement = cp <= Character.MAX_VALUE ? SPECIAL_LETTERS.get((char) cp) : null;
            if (replacement != null) {
                latin.append(replacement);
            }
            else if (cp == '&') {
                latin.append(" and ");
            }
            else {
                latin.appendCodePoint(cp);
            }
        }
        return latin.toString();
    }

    /** "E.T." and "L.A." must fold to "et" and "la", not to the single letters a tokenizer would make of them. */
    private static String acronymsJoined(String text) {
        if (text.indexOf('.') < 0) {
            return text;
        }
        // Built only once an acronym is found, and then copied in runs: most text (a whole extract) has none.
        StringBuilder joined = null;
        int copied = 0;
        int previous = -1;
        for (int i = 0; i < text.length();) {
            int end = previous >= 0 && wordCharacter(previous) ? i : acronymEnd(text, i);
            if (end > i) {
                joined = joined == null ? new StringBuilder(text.length()) : joined;
                joined.append(text, copied, i);
                for (int j = i; j < end; j += 2) {
                    int cp = text.codePointAt(j);
                    joined.appendCodePoint(cp);
                    j += Character.charCount(cp) - 1;
                }
                copied = end;
                previous = '.';
                i = end;
                continue;
            }
            int cp = text.codePointAt(i);
            previous = cp;
            i += Character.charCount(cp);
        }
        return joined == null ? text : joined.append(text, copied, text.length()).toString();
    }

    /** Where a run of two or more "letter." pairs starting at {@code start} ends, or {@code start} when there is none. */
    private static int acronymEnd(String text, int start) {
        int end = start;
        int pairs = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int dot = end + Character.charCount(cp);
            if (!Character.isLetter(cp) || dot >= text.length() || text.charAt(dot) != '.') {
                break;
            }
            end = dot + 1;
            pairs++;
        }
        return pairs >= 2 ? end : start;
    }

    private static String withoutApostrophes(String text) {
        StringBuilder kept = null;
        int copied = 0;
        for (int i = 0; i < text.length(); i++) {
            if (APOSTROPHES.indexOf(text.charAt(i)) >= 0) {
                kept = kept == null ? new StringBuilder(text.length()) : kept;
                kept.append(text, copied, i);
                copied = i + 1;
            }
        }
        return kept == null ? text : kept.append(text, copied, text.length()).toString();
    }

    /** A letter or any kind of number (digits, Roman numeral signs, fractions): what words are made of. */
    private static boolean wordCharacter(int cp) {
        if (cp < 0x80) {
            int lower = cp | 0x20;
            return (lower >= 'a' && lower <= 'z') || (cp >= '0' && cp <= '9');
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** Letters and digits, every run of anything else made one space, none at either end. */
    private static String words(String text) {
        StringBuilder words = new StringBuilder(text.length());
        boolean gap = false;
        // Runs of word characters are copied whole when they end, rather than a character at a time.
        int run = -1;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            if (wordCharacter(cp)) {
                if (run < 0) {
                    if (gap && !words.isEmpty()) {
                        words.append(' ');
                    }
                    run = i;
                }
                gap = false;
            }
            else {
                if (run >= 0) {
                    words.append(text, run, i);
                    run = -1;
                }
                gap = true;
            }
            i += Character.charCount(cp);
        }
        if (run >= 0) {
            words.append(text, run, text.length());
        }
        return words.toString();
    }
}
