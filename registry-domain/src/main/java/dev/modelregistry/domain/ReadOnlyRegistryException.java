package dev.modelregistry.domain;

/** A change was asked of a registry opened read-only; nothing was written. */
public class ReadOnlyRegistryException extends RegistryException {

    public ReadOnlyRegistryException(String location) {
        super("the registry at " + location + " is open read-only: no change can be made through it");
    }
}
