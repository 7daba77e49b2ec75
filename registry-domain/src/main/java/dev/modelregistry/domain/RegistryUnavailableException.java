package dev.modelregistry.domain;

/** The registry database could not be reached or stayed busy after the bounded retries. */
public class RegistryUnavailableException extends RegistryException {

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
