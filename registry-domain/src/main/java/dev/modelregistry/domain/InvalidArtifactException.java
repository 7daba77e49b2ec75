package dev.modelregistry.domain;

/**
 * A registration's {@code model_path} the registry cannot fingerprint: a device, FIFO or
 * socket (reading one may never end), a file that changes while it is read, or one that cannot
 * be read. The message names the path and the reason.
 */
public class InvalidArtifactException extends InvalidValueException {

    public InvalidArtifactException(String modelPath, String reason) {
        super("", "model_path", modelPath, reason);
    }
}
