package io.github.nvs4j.internal.model;

import io.github.nvs4j.model.NvsValue;

/**
 * Hands a byte array that nobody else holds to {@link NvsValue.Str} or {@link NvsValue.Blob} without the defensive
 * copy of their public factories. For nvs-core's own code only (the reader builds a fresh array per value and would
 * otherwise copy every value twice: ReadBenchmark, see nvs-benchmarks/RESULTS.md); the package is not exported.
 *
 * <p>The caller must not keep, change or pass on the array afterwards: the value's immutability rests on it. The
 * model's private constructors are reached through a {@link Factory} that {@code NvsValue.Str} installs when its
 * class is initialised; nothing is reflected on.
 */
public final class ValueHandover {

    /** The model's constructors that take ownership of their array (installed by the model). */
    public interface Factory {
        /**
         * @param owned the bytes, at most {@link NvsValue#MAX_STRING_BYTES}; owned by the value from now on
         * @return the string value
         */
        NvsValue.Str str(byte[] owned);

        /**
         * @param owned the bytes, at most {@link NvsValue#MAX_BLOB_BYTES}; owned by the value from now on
         * @return the blob value
         */
        NvsValue.Blob blob(byte[] owned);
    }

    private static volatile Factory factory;

    private ValueHandover() {
    }

    /**
     * Called once, by the model's class initialiser; later calls are ignored.
     *
     * @param f the factory
     */
    public static synchronized void install(Factory f) {
        if (factory == null) {
            factory = f;
        }
    }

    /**
     * @param owned a fresh array that the caller gives up
     * @return a string value holding exactly that array
     */
    public static NvsValue.Str str(byte[] owned) {
        return factory().str(owned);
    }

    /**
     * @param owned a fresh array that the caller gives up
     * @return a blob value holding exactly that array
     */
    public static NvsValue.Blob blob(byte[] owned) {
        return factory().blob(owned);
    }

    private static Factory factory() {
        Factory f = factory;
        if (f == null) {
            try { // initialising the class runs its installer
                Class.forName(NvsValue.Str.class.getName(), true, NvsValue.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            f = factory;
        }
        return f;
    }
}
