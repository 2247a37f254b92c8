package dev.warden.app.web;

import dev.warden.events.shared.Text;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Reads JSON strings as usual but refuses one that holds a lone surrogate: JSON can escape half of a
 * character ({@code "\ud800"}), which no UTF-8 text, and so no column, can store; PostgreSQL and the
 * password hasher would turn it into {@code ?} or fail. Applies to every string of every body, list
 * elements included.
 */
final class WellFormedStrings extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        String value = super.deserialize(parser, context);
        if (value != null && Text.hasLoneSurrogate(value)) {
            throw new LoneSurrogate(parser);
        }
        return value;
    }

    /** A string with a lone surrogate; Jackson adds the path of the field it was read for. */
    static final class LoneSurrogate extends InvalidFormatException {

        LoneSurrogate(JsonParser parser) {
            // The value stays out of the exception: it may be a password.
            super(parser, "Text with a lone surrogate", null, String.class);
        }

        /** The field, as the request body names it, e.g. {@code name} or {@code scopes[1]}. */
        String field() {
            StringBuilder field = new StringBuilder();
            for (JacksonException.Reference reference : getPath()) {
                if (reference.getPropertyName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(Text.excerpt(reference.getPropertyName()));
                } else if (reference.getIndex() >= 0) {
                    field.append('[').append(reference.getIndex()).append(']');
                }
            }
            return field.isEmpty() ? "body" : field.toString();
        }
    }
}
