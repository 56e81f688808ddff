package io.github.nvs4j;

import java.util.Objects;

/**
 * Input that nvs4j refuses: a CSV row, a value, a key, a model that breaks a limit of the NVS format, a key file or a
 * command-line argument. The location names the source (usually a file name), the 1-based line and the key, as far
 * as they are known. Instances are immutable; the {@code with…} methods return a copy with more context, so that a
 * layer that knows the file can add it to an exception raised by a layer that only knew the key.
 */
public final class NvsInputException extends NvsException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String key;

    /**
     * Creates an exception that knows only its reason.
     *
     * @param reason what is wrong and, where possible, what would be accepted
     */
    public NvsInputException(String reason) {
        this(reason, null, 0, null, null);
    }

    /**
     * Creates an exception with a full location.
     *
     * @param reason what is wrong and, where possible, what would be accepted
     * @param source the file or other source, or {@code null}
     * @param line the 1-based line, or 0 when unknown
     * @param key the key (or namespace name) at fault, or {@code null}
     * @param cause the underlying exception, or {@code null}
     */
    public NvsInputException(String reason, String source, int line, String key, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason"), cause);
        this.source = source;
        this.line = Math.max(0, line);
        this.key = key;
    }

    /** @return the source (usually a file name), or {@code null} when unknown */
    public String source() {
        return source;
    }

    /** @return the 1-based line number, or 0 when unknown */
    public int line() {
        return line;
    }

    /** @return the key or namespace name at fault, or {@code null} when unknown */
    public String key() {
        return key;
    }

    /**
     * Returns a copy that names the source and line, unless this exception already names a source.
     *
     * @param newSource the file or other source
     * @param newLine the 1-based line, or 0
     * @return an exception with the same reason, key and cause
     */
    public NvsInputException withSource(String newSource, int newLine) {
        if (source != null) {
            return this;
        }
        NvsInputException copy = new NvsInputException(reason(), newSource, newLine, key, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /**
     * Returns a copy that names the key, unless this exception already names one.
     *
     * @param newKey the key or namespace name
     * @return an exception with the same reason, source, line and cause
     */
    public NvsInputException withKey(String newKey) {
        if (key != null) {
            return this;
        }
        NvsInputException copy = new NvsInputException(reason(), source, line, newKey, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    @Override
    public String location() {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(source);
            if (line > 0) {
                sb.append(':').append(line);
            }
        } else if (line > 0) {
            sb.append("line ").append(line);
        }
        if (key != null) {
            if (sb.length() > 0) {
                sb.append(": ");
            }
            sb.append("key '").append(key).append('\'');
        }
        return sb.toString();
    }
}
