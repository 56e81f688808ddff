package io.github.nvs4j.benchmarks.workload;

import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * The fixed, seeded "mixed" key set of the performance issue. Key {@code i} (named {@code k<i>}) gets its type from
 * {@code i % 10}:
 *
 * <table>
 *   <caption>types by {@code i % 10}</caption>
 *   <tr><th>{@code i % 10}</th><th>type</th><th>value</th></tr>
 *   <tr><td>0</td><td>u8</td><td>0…255</td></tr>
 *   <tr><td>1</td><td>i16</td><td>-32768…32767</td></tr>
 *   <tr><td>2</td><td>u32</td><td>0…2<sup>32</sup>−1</td></tr>
 *   <tr><td>3</td><td>i32</td><td>any</td></tr>
 *   <tr><td>4</td><td>u64 when {@code i / 10} is even, i64 when odd</td><td>any</td></tr>
 *   <tr><td>5, 6, 7</td><td>string</td><td>8–32 characters from {@code [A-Za-z0-9_-]}</td></tr>
 *   <tr><td>8, 9</td><td>hex2bin blob</td><td>16–96 random bytes</td></tr>
 * </table>
 *
 * <p><b>Namespaces.</b> One namespace ({@code ns<j>}) per 500 consecutive keys while that needs at most 254
 * namespaces (up to 127,000 keys); above that the keys are spread over exactly 254 namespaces of
 * {@code ceil(keys / 254)} consecutive keys each (1,000,000 keys: 3,938 per namespace). Namespaces are never
 * revisited, so the model and the CSV text describe the same write order.
 *
 * <p>Every value comes from a {@link SplittableRandom} seeded with {@link #SEED}, so a key count always gives the
 * same data, the same CSV bytes and the same image.
 */
public final class MixedKeys {

    /** The seed of every mixed key set. */
    public static final long SEED = 0x4E56_5334_4A4DL; // "NVS4JM"

    /** Keys per namespace while at most 254 namespaces are needed. */
    public static final int KEYS_PER_NAMESPACE = 500;

    /** Most namespaces NVS holds. */
    public static final int MAX_NAMESPACES = NvsData.MAX_NAMESPACES;

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".toCharArray();

    private MixedKeys() {
    }

    /**
     * @param keys the number of keys
     * @return how many consecutive keys share a namespace
     */
    public static int keysPerNamespace(int keys) {
        int spread = (keys + MAX_NAMESPACES - 1) / MAX_NAMESPACES;
        return Math.max(KEYS_PER_NAMESPACE, spread);
    }

    /**
     * Builds the model.
     *
     * @param keys the number of keys
     * @return the data, in write order
     */
    public static NvsData model(int keys) {
        NvsData.Builder builder = NvsData.builder();
        generate(keys, new Sink() {
            @Override
            public void namespace(String name) {
                builder.namespace(name);
            }

            @Override
            public void value(String key, NvsValue value) {
                builder.put(key, value);
            }
        });
        return builder.build();
    }

    /**
     * Writes the same key set as generator CSV text ({@code key,type,encoding,value}).
     *
     * @param keys the number of keys
     * @return the CSV file's bytes (UTF-8, {@code \n} line ends)
     */
    public static byte[] csv(int keys) {
        StringBuilder out = new StringBuilder(keys * 48 + 64);
        out.append("key,type,encoding,value\n");
        HexFormat hex = HexFormat.of();
        generate(keys, new Sink() {
            @Override
            public void namespace(String name) {
                out.append(name).append(",namespace,,\n");
            }

            @Override
            public void value(String key, NvsValue value) {
                out.append(key).append(",data,");
                switch (value.type()) {
                    case U8 -> out.append("u8,").append(((NvsValue.U8) value).value());
                    case I16 -> out.append("i16,").append(((NvsValue.I16) value).value());
                    case U32 -> out.append("u32,").append(((NvsValue.U32) value).value());
                    case I32 -> out.append("i32,").append(((NvsValue.I32) value).value());
                    case U64 -> out.append("u64,").append(Long.toUnsignedString(((NvsValue.U64) value).value()));
                    case I64 -> out.append("i64,").append(((NvsValue.I64) value).value());
                    case STR -> out.append("string,").append(((NvsValue.Str) value).text());
                    case BLOB -> out.append("hex2bin,").append(hex.formatHex(((NvsValue.Blob) value).bytes()));
                    default -> throw new IllegalStateException("not in the mixed set: " + value);
                }
                out.append('\n');
            }
        });
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Receives the key set in write order. */
    interface Sink {
        void namespace(String name);

        void value(String key, NvsValue value);
    }

    static void generate(int keys, Sink sink) {
        if (keys < 1) {
            throw new IllegalArgumentException("at least one key, not " + keys);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        int perNamespace = keysPerNamespace(keys);
        for (int i = 0; i < keys; i++) {
            if (i % perNamespace == 0) {
                sink.namespace("ns" + i / perNamespace);
            }
            sink.value("k" + i, value(i, random));
        }
    }

    private static NvsValue value(int i, SplittableRandom random) {
        return switch (i % 10) {
            case 0 -> new NvsValue.U8(random.nextInt(256));
            case 1 -> new NvsValue.I16(random.nextInt(Short.MIN_VALUE, Short.MAX_VALUE + 1));
            case 2 -> new NvsValue.U32(random.nextLong(1L << 32));
            case 3 -> new NvsValue.I32(random.nextInt());
            case 4 -> (i / 10) % 2 == 0 ? new NvsValue.U64(random.nextLong()) : new NvsValue.I64(random.nextLong());
            case 5, 6, 7 -> NvsValue.Str.of(text(random, 8 + random.nextInt(25)));
            default -> NvsValue.Blob.of(bytes(random, 16 + random.nextInt(81)));
        };
    }

    private static String text(SplittableRandom random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }

    static byte[] bytes(SplittableRandom random, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i += 8) {
            long r = random.nextLong();
            for (int j = i; j < Math.min(length, i + 8); j++) {
                b[j] = (byte) r;
                r >>>= 8;
            }
        }
        return b;
    }
}
