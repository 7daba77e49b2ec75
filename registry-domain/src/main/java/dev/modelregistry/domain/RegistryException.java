package dev.modelregistry.domain;

/**
 * Root of every rule violation the registry reports. Unchecked: callers catch the specific
 * subclass they can handle, and every subclass carries the offending id or value.
 */
public abstract class RegistryException extends RuntimeException {

    protected RegistryException(String message) {
        super(message);
    }

    protected RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
