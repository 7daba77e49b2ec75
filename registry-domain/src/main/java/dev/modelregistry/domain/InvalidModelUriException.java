package dev.modelregistry.domain;

/**
 * A model URI ({@code models:/{modelType}/{sensorId}@active}) that is malformed or names an
 * alias the registry does not know; the message names the URI and what is wrong with it.
 */
public class InvalidModelUriException extends InvalidValueException {

    public InvalidModelUriException(String uri, String reason) {
        super("", "uri", uri, reason);
    }

    @Override
    public String value() {
        return (String) super.value();
    }
}
