package dev.warden.events.shared;

/**
 * The rule for one field of text that people read (a name, a description, a justification): the
 * text is stripped of surrounding whitespace, has 1 (or, when optional, 0) to {@code maxLength}
 * characters, and none of the characters {@link Text#forbidden} names. A broken rule is a
 * {@link DomainException} with the field's own code.
 *
 * @param code       the code of a refusal, e.g. {@code INVALID_ROLE_NAME}
 * @param what       the field as a sentence starts with it, e.g. {@code "A role name"}
 * @param maxLength  the most characters (UTF-16 units) after stripping
 * @param optional   whether empty text is allowed
 * @param lineBreaks whether line feeds and tabs are allowed
 */
public record TextRule(ErrorCode code, String what, int maxLength, boolean optional, boolean lineBreaks) {

    /** A required, single-line field such as a name. */
    public static TextRule line(ErrorCode code, String what, int maxLength) {
        return new TextRule(code, what, maxLength, false, false);
    }

    /** An optional field that may span lines, such as a description. */
    public static TextRule paragraph(ErrorCode code, String what, int maxLength) {
        return new TextRule(code, what, maxLength, true, true);
    }

    /** The same rule for a field that must not be empty. */
    public TextRule required() {
        return new TextRule(code, what, maxLength, false, lineBreaks);
    }

    /** {@code raw} stripped (empty when optional and absent), or a refusal that says what is wrong. */
    public String check(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty() && !optional) {
            throw new DomainException(code, what + " is required (1 to " + maxLength + " characters)");
        }
        if (text.length() > maxLength) {
            throw new DomainException(code, what + " has at most " + maxLength + " characters");
        }
        int forbidden = Text.forbidden(text, lineBreaks);
        if (forbidden >= 0) {
            throw new DomainException(code, what + " contains " + Text.codePoint(forbidden) + ": control"
                    + (lineBreaks ? " characters other than line feeds and tabs" : " characters")
                    + ", bidirectional and zero-width characters and lone surrogates are not allowed");
        }
        return text;
    }
}
