package dev.warden.query.support;

/** A query parameter that cannot be used as given; answered with 400 naming the parameter. */
public class InvalidQueryException extends RuntimeException {

    private final String parameter;

    public InvalidQueryException(String parameter, String problem) {
        super("Query parameter '" + parameter + "' " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
