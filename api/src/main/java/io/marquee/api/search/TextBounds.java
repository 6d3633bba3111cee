package io.marquee.api.search;

import io.marquee.text.TextFolding;

/**
 * How long a text parameter may be, checked on what it costs: its folded form, which is what is matched. Folding
 * (NFKD) expands some characters many times over (U+FDFA into 18), so a text within its length as sent can be far
 * longer once folded.
 */
public final class TextBounds {

    private TextBounds() {
    }

    /** {@code value}, stripped, if both it and its folded form are at most {@code max} characters; null when blank. */
    public static String checked(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw new InvalidSearchException(name, name + " must be at most " + max + " characters (was " + text.length() + ")");
        }
        // Folding never lengthens ASCII (case and punctuation map one to one or to less): only other text needs folding here.
        int folded = isAscii(text) ? text.length() : TextFolding.fold(text).length();
        if (folded > max) {
            throw new InvalidSearchException(name, name + " must be at most " + max + " characters once its characters are spelt out "
                    + "(was " + folded + ")");
        }
        return text;
    }

    /** As {@link #checked}, for a text that must be given: blank is refused too. */
    public static String required(String name, String value, int max) {
        String text = checked(name, value, max);
        if (text == null) {
            throw new InvalidSearchException(name, name + " must be 1 to " + max + " characters");
        }
        return text;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
