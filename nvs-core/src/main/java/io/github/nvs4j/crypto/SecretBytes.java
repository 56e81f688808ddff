package io.github.nvs4j.crypto;

import java.util.Arrays;

/**
 * Key material that never shows itself: the bytes, where they came from (for messages), and whether they have been
 * destroyed. Shared by {@link NvsKeys} and {@link NvsHmacKey}, which hold one each.
 */
final class SecretBytes {

    private final byte[] bytes;
    private final String source;
    private volatile boolean destroyed;

    /**
     * @param bytes the key bytes; owned from now on (zeroed by {@link #destroy()})
     * @param source the file the bytes came from, or {@code null}
     */
    SecretBytes(byte[] bytes, String source) {
        this.bytes = bytes;
        this.source = source;
    }

    /**
     * @param what what the bytes are, for the message, e.g. "NVS keys"
     * @return the bytes themselves (not a copy)
     * @throws IllegalStateException if they have been destroyed
     */
    byte[] get(String what) {
        if (destroyed) {
            throw new IllegalStateException("the " + what + " has been destroyed");
        }
        return bytes;
    }

    /** @return the source file's name, or {@code null} */
    String sourceOrNull() {
        return source;
    }

    /** Overwrites the bytes with zeros. */
    void destroy() {
        destroyed = true;
        Arrays.fill(bytes, (byte) 0);
    }

    /** @return whether {@link #destroy()} has been called */
    boolean isDestroyed() {
        return destroyed;
    }

    /**
     * @param typeName the owning type's simple name
     * @return {@code TypeName[source, redacted]}, or {@code destroyed} instead of {@code redacted}; never a key byte
     */
    String describe(String typeName) {
        String state = destroyed ? "destroyed" : "redacted";
        return source == null ? typeName + "[" + state + "]" : typeName + "[" + source + ", " + state + "]";
    }
}
