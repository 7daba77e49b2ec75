package dev.modelregistry.domain.model;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * New version ids: 12 lowercase hex characters (48 random bits), like the Python registry's ids
 * but drawn from a strong random source instead of the clock, so two registrations in the same
 * microsecond or in two processes do not collide.
 */
public final class RandomVersionIdGenerator implements VersionIdGenerator {

    private static final int BYTES = 6;
    private final SecureRandom random = new SecureRandom();

    @Override
    public VersionId nextId() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new VersionId(HexFormat.of().formatHex(bytes));
    }
}
