package dev.modelregistry.domain;

/** A retention count below one (R9): cleanup always keeps at least the newest version. */
public class InvalidRetentionException extends RegistryException {

    private final int keepLastN;

    public InvalidRetentionException(int keepLastN) {
        super("keepLastN must be at least 1, got " + keepLastN);
        this.keepLastN = keepLastN;
    }

    public int keepLastN() {
        return keepLastN;
    }
}
