package dev.warden.events.shared;

import java.util.Locale;

/**
 * The character rules for text that comes from clients, in one place: which characters text that
 * people read may not hold, and how much of a client's input an error message may quote.
 */
public final class Text {

    /** The most characters of client input an error message quotes. */
    public static final int EXCERPT_LENGTH = 40;

    private Text() {
    }

    /**
     * The first code point of {@code text} that text people read must not hold, or {@code -1}: a
     * control character (line feeds and tabs are allowed when {@code lineBreaks}), a format character
     * (among them the bidirectional embeddings, overrides and isolates U+202A to U+202E and U+2066 to
     * U+2069, the zero-width space, non-joiner and joiner U+200B to U+200D, the word joiner U+2060
     * and the byte-order mark U+FEFF), a line or paragraph separator, or a lone surrogate. Such
     * characters are invisible or reorder what a reader sees, so two names that look alike would differ.
     */
    public static int forbidden(CharSequence text, boolean lineBreaks) {
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            if (isForbidden(c, lineBreaks)) {
                return c;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /** Whether {@code text} holds a surrogate without its other half (JSON can escape one; UTF-8 cannot carry it). */
    public static boolean hasLoneSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            if (Character.getType(c) == Character.SURROGATE) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /** A code point as people look it up, e.g. {@code U+202E}. */
    public static String codePoint(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }

    /**
     * What an error message may quote of {@code clientInput}: at most {@value #EXCERPT_LENGTH}
     * characters, anything but ASCII letters, digits and {@code _ - . : @ /} shown as {@code ?}, and
     * {@code ...} where it was cut.
     */
    public static String excerpt(String clientInput) {
        if (clientInput == null) {
            return "null";
        }
        int length = Math.min(clientInput.length(), EXCERPT_LENGTH);
        StringBuilder excerpt = new StringBuilder(length + 3);
        for (int i = 0; i < length; i++) {
            char c = clientInput.charAt(i);
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || "_-.:@/".indexOf(c) >= 0);
            excerpt.append(plain ? c : '?');
        }
        return clientInput.length() > length ? excerpt.append("...").toString() : excerpt.toString();
    }

    private static boolean isForbidden(int c, boolean lineBreaks) {
        if (lineBreaks && (c == '\n' || c == '\t')) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }
}
