package dev.modelregistry.domain;

/**
 * A request to the change feed with a value out of range: a negative cursor, a limit outside
 * 1..1000, or no listener. The message names the parameter and the value.
 */
public class InvalidFeedRequestException extends InvalidValueException {

    public InvalidFeedRequestException(String parameter, Object value, String rule) {
        super("activation feed ", parameter, value, rule);
    }
}
