package io.github.nvs4j.internal.model;

import io.github.nvs4j.internal.format.KeyField;
import io.github.nvs4j.internal.format.NvsCrc;
import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.model.ValueType;

import java.util.Arrays;

/**
 * The items of an {@link NvsData}, in write order, with what the writer needs of each already in flat arrays: the
 * 16-byte key field as two little-endian words, the namespace index, the value's type and, for fixed-size values,
 * its bits. {@link NvsData.Builder} fills it as items are added (the key's characters are scanned there anyway, to
 * validate it), so that the writer's per-item loop reads sequential primitive arrays instead of following
 * item → key string → value record through the heap and re-encoding every key (EncodeBenchmark, see
 * nvs-benchmarks/RESULTS.md). For nvs-core's own code only; the package is not exported.
 *
 * <p>Immutable once obtained from an {@link NvsData}: the builder that shares its arrays copies them before any
 * further change ({@link Appender#detach()}).
 */
public final class EncodedItems {

    /** The {@code NvsData → EncodedItems} accessor, installed by {@link NvsData}'s class initialiser. */
    public interface Access {
        /**
         * @param data the content
         * @return its encoded items
         */
        EncodedItems of(NvsData data);
    }

    private static volatile Access access;

    /** Words per item in {@link #table}. */
    private static final int STRIDE = 4;

    private final int size;
    /**
     * Per item, {@value #STRIDE} words side by side (one sequential stream for the writer's loop): key field bytes
     * 0–7, key field bytes 8–15, the fixed-size bits, and the key's CRC share (low 32 bits) with the namespace index
     * (bits 32–39) and the value type (bits 40–47).
     */
    private final long[] table;
    /** Per item, its value (the writer reads strings' and blobs' bytes from it without going through the item). */
    private final NvsValue[] values;

    private EncodedItems(int size, long[] table, NvsValue[] values) {
        this.size = size;
        this.table = table;
        this.values = values;
    }

    /** @param i item index @return the item's value */
    public NvsValue value(int i) {
        return values[i];
    }

    /**
     * Called once, by {@link NvsData}'s class initialiser; later calls are ignored.
     *
     * @param a the accessor
     */
    public static synchronized void install(Access a) {
        if (access == null) {
            access = a;
        }
    }

    /**
     * @param data the content (its class is initialised, so the accessor is installed)
     * @return the items of {@code data}, encoded
     */
    public static EncodedItems of(NvsData data) {
        return access.of(data);
    }

    /** @return the number of items */
    public int size() {
        return size;
    }

    /** @param i item index @return key field bytes 0–7, little-endian (the key's UTF-8 bytes, zero-padded) */
    public long keyLow(int i) {
        return table[STRIDE * i];
    }

    /** @param i item index @return key field bytes 8–15, little-endian */
    public long keyHigh(int i) {
        return table[STRIDE * i + 1];
    }

    /** @param i item index @return the key field's share of an entry CRC ({@link NvsCrc#keyPart}) */
    public int keyCrc(int i) {
        return (int) table[STRIDE * i + 3];
    }

    /** @param i item index @return the index of the item's namespace, 1…254 (its position in the model + 1) */
    public int namespaceIndex(int i) {
        return (int) (table[STRIDE * i + 3] >>> 32) & 0xFF;
    }

    /** @param i item index @return the {@link ValueType#ordinal()} of the item's value */
    public int valueType(int i) {
        return (int) (table[STRIDE * i + 3] >>> 40) & 0xFF;
    }

    /**
     * @param i item index
     * @return for a fixed-size value its bits as stored little-endian on flash (integers sign- or zero-extended,
     *         floats as raw bits); 0 for strings and blobs
     */
    public long bits(int i) {
        return table[STRIDE * i + 2];
    }

    /** @return the bits a fixed-size value stores; 0 for strings and blobs */
    private static long bitsOf(NvsValue value) {
        if (value instanceof NvsValue.U8 v) {
            return v.value();
        } else if (value instanceof NvsValue.I8 v) {
            return v.value();
        } else if (value instanceof NvsValue.U16 v) {
            return v.value();
        } else if (value instanceof NvsValue.I16 v) {
            return v.value();
        } else if (value instanceof NvsValue.U32 v) {
            return v.value();
        } else if (value instanceof NvsValue.I32 v) {
            return v.value();
        } else if (value instanceof NvsValue.U64 v) {
            return v.value();
        } else if (value instanceof NvsValue.I64 v) {
            return v.value();
        } else if (value instanceof NvsValue.F32 v) {
            return v.bits();
        } else if (value instanceof NvsValue.F64 v) {
            return v.bits();
        }
        return 0;
    }

    /**
     * Collects the encoded items while a {@link NvsData.Builder} runs. Not thread-safe.
     */
    public static final class Appender {
        private int size;
        private long[] table = new long[8 * STRIDE];
        private NvsValue[] values = new NvsValue[8];
        private boolean shared;

        /** Creates an empty appender. */
        public Appender() {
        }

        /**
         * Adds an item (already validated by the model).
         *
         * @param namespaceIndex the namespace's index, 1…254
         * @param key the key, at most 15 UTF-8 bytes
         * @param value the value
         */
        public void add(int namespaceIndex, String key, NvsValue value) {
            if (shared) {
                detach();
            }
            int at = STRIDE * size;
            if (at == table.length) {
                table = Arrays.copyOf(table, table.length * 2);
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size] = value;
            KeyField.pack(key, table, at);
            table[at + 2] = bitsOf(value);
            table[at + 3] = (NvsCrc.keyPart(table[at], table[at + 1]) & 0xFFFF_FFFFL)
                    | (long) (namespaceIndex & 0xFF) << 32 | (long) value.type().ordinal() << 40;
            size++;
        }

        /**
         * @return the items added so far, sharing this appender's arrays until its next {@link #add}, which copies
         *         them first
         */
        public EncodedItems view() {
            shared = true;
            return new EncodedItems(size, table, values);
        }

        /** Takes private copies of the arrays that a {@link #view()} shares. */
        private void detach() {
            shared = false;
            table = table.clone();
            values = values.clone();
        }
    }
}
