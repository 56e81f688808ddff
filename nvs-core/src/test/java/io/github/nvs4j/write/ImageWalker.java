package io.github.nvs4j.write;

import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A test-only walk over a generator-style image, written from the specification (docs/nvs-format.md §1–§6) without
 * the production format classes: it checks every structural rule a generated image must follow and decodes the
 * content into the sequence of namespace definitions and values, in layout order.
 */
final class ImageWalker {

    private static final int PAGE = 4096;
    private static final int ENTRIES = 126;
    private static final int ACTIVE = 0xFFFFFFFE;
    private static final int FULL = 0xFFFFFFFC;

    /** What the walk finds, in layout order. */
    sealed interface Event permits NamespaceDef, Value {
    }

    /** A namespace definition entry. @param name the name @param index its index */
    record NamespaceDef(String name, int index) implements Event {
    }

    /** A value (a blob as a whole, at the position of its index or legacy item). */
    record Value(int ns, String key, NvsValue value) implements Event {
    }

    /** A chunk of a format-2 blob, kept until its index arrives. */
    private record Chunk(int index, byte[] data) {
    }

    /**
     * The outcome of a walk.
     *
     * @param problems every rule that is broken, with its location; empty for a well-formed image
     * @param events namespace definitions and values in layout order
     * @param headerPages the number of pages with a header (the pages that hold data)
     */
    record Result(List<String> problems, List<Event> events, int headerPages) {
    }

    private final byte[] image;
    private final int version;
    private final List<String> problems = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final Map<String, List<Chunk>> pendingChunks = new LinkedHashMap<>();

    private ImageWalker(byte[] image, int version) {
        this.image = image;
        this.version = version;
    }

    /**
     * @param image the image
     * @param version the expected header version byte (0xFE or 0xFF)
     * @return what the walk found
     */
    static Result walk(byte[] image, int version) {
        return new ImageWalker(image, version).run();
    }

    /**
     * The events an image of {@code data} must decode to: namespace definitions where the model places them, then
     * each item with its namespace's index.
     *
     * @param data the content
     * @return the expected events
     */
    static List<Event> expectedEvents(NvsData data) {
        List<Event> expected = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        List<String> names = data.namespaces();
        int next = 0;
        List<NvsData.Item> items = data.items();
        for (int i = 0; i <= items.size(); i++) {
            while (next < names.size() && (data.namespaceStart(next) <= i || i == items.size())) {
                index.put(names.get(next), next + 1);
                expected.add(new NamespaceDef(names.get(next), next + 1));
                next++;
            }
            if (i < items.size()) {
                NvsData.Item item = items.get(i);
                expected.add(new Value(index.get(item.namespace()), item.key(), item.value()));
            }
        }
        return expected;
    }

    private Result run() {
        if (image.length % PAGE != 0 || image.length == 0) {
            problems.add("image length " + image.length + " is not a positive multiple of 4096");
            return new Result(problems, events, 0);
        }
        int pages = image.length / PAGE;
        int headerPages = 0;
        boolean blankSeen = false;
        List<Integer> states = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            int off = p * PAGE;
            if (allFF(off, off + PAGE)) {
                blankSeen = true;
                continue;
            }
            if (blankSeen) {
                problems.add("page " + p + " has content after a blank page");
            }
            headerPages++;
            states.add(u32(off));
            checkHeader(p, off);
            walkEntries(p, off);
        }
        for (int i = 0; i < states.size(); i++) {
            int expected = i == states.size() - 1 ? ACTIVE : FULL;
            if (states.get(i) != expected) {
                problems.add(String.format("page %d: state %08x, expected %08x", i, states.get(i), expected));
            }
        }
        if (!pendingChunks.isEmpty()) {
            problems.add("blob chunks without an index: " + pendingChunks.keySet());
        }
        return new Result(problems, events, headerPages);
    }

    private void checkHeader(int p, int off) {
        if (u32(off + 4) != p) {
            problems.add("page " + p + ": sequence number " + u32(off + 4));
        }
        if ((image[off + 8] & 0xFF) != version) {
            problems.add("page " + p + ": version byte " + (image[off + 8] & 0xFF));
        }
        if (!allFF(off + 9, off + 28)) {
            problems.add("page " + p + ": reserved header bytes are not 0xFF");
        }
        if (u32(off + 28) != crc(off + 4, 24)) {
            problems.add("page " + p + ": header CRC does not verify");
        }
    }

    private int bits(int off, int entry) {
        return (image[off + 32 + entry / 4] >> (2 * (entry % 4))) & 3;
    }

    private void walkEntries(int p, int off) {
        int used = 0;
        while (used < ENTRIES && bits(off, used) == 2) {
            used++;
        }
        for (int i = used; i < ENTRIES; i++) {
            if (bits(off, i) != 3) {
                problems.add("page " + p + ", entry " + i + ": bitmap pair " + bits(off, i) + " after the used prefix");
            }
            int e = off + 64 + 32 * i;
            if (!allFF(e, e + 32)) {
                problems.add("page " + p + ", entry " + i + ": unused entry is not 0xFF");
            }
        }
        if ((image[off + 63] & 0xF0) != 0xF0) {
            problems.add("page " + p + ": the four unused bitmap bits are not 1");
        }
        int i = 0;
        while (i < used) {
            int span = walkItem(p, off, i, used);
            i += Math.max(span, 1);
        }
    }

    /** @return the span of the item at entry {@code i} */
    private int walkItem(int p, int off, int i, int used) {
        int e = off + 64 + 32 * i;
        String where = "page " + p + ", entry " + i;
        int ns = image[e] & 0xFF;
        int type = image[e + 1] & 0xFF;
        int span = image[e + 2] & 0xFF;
        int chunk = image[e + 3] & 0xFF;
        CRC32 c = primed();
        c.update(image, e, 4);
        c.update(image, e + 8, 24);
        if ((int) c.getValue() != u32(e + 4)) {
            problems.add(where + ": entry CRC does not verify");
        }
        int keyLength = 0;
        while (keyLength < 16 && image[e + 8 + keyLength] != 0) {
            keyLength++;
        }
        if (keyLength > 15 || !zeros(e + 8 + keyLength, e + 24)) {
            problems.add(where + ": key field is not NUL-terminated and zero-padded");
        }
        String key = new String(image, e + 8, Math.min(keyLength, 15), StandardCharsets.UTF_8);
        if (chunk != 0xFF && type != 0x42) {
            problems.add(where + ": chunk index " + chunk + " on a non-chunk entry");
        }
        int width = switch (type) {
            case 0x01, 0x11 -> 1;
            case 0x02, 0x12 -> 2;
            case 0x04, 0x14, 0x24 -> 4;
            case 0x08, 0x18, 0x28 -> 8;
            default -> 0;
        };
        if (width > 0) {
            if (span != 1) {
                problems.add(where + ": fixed-size item with span " + span);
            }
            if (!unusedAsGenerated(e, 24 + width, 32, key)) {
                problems.add(where + ": unused data bytes are not as the generator leaves them");
            }
            ByteBuffer d = ByteBuffer.wrap(image, e + 24, 8).order(ByteOrder.LITTLE_ENDIAN);
            if (ns == 0) {
                if (type != 0x01) {
                    problems.add(where + ": namespace table entry of type " + type);
                }
                events.add(new NamespaceDef(key, image[e + 24] & 0xFF));
                return 1;
            }
            NvsValue value = switch (type) {
                case 0x01 -> new NvsValue.U8(d.get() & 0xFF);
                case 0x11 -> new NvsValue.I8(d.get());
                case 0x02 -> new NvsValue.U16(d.getShort() & 0xFFFF);
                case 0x12 -> new NvsValue.I16(d.getShort());
                case 0x04 -> new NvsValue.U32(d.getInt() & 0xFFFF_FFFFL);
                case 0x14 -> new NvsValue.I32(d.getInt());
                case 0x08 -> new NvsValue.U64(d.getLong());
                case 0x18 -> new NvsValue.I64(d.getLong());
                case 0x24 -> new NvsValue.F32(d.getInt());
                default -> new NvsValue.F64(d.getLong());
            };
            events.add(new Value(ns, key, value));
            return 1;
        }
        if (type == 0x48) {
            walkBlobIndex(where, e, ns, key, span);
            return 1;
        }
        if (type != 0x21 && type != 0x41 && type != 0x42) {
            problems.add(where + ": unknown type " + type);
            return 1;
        }
        int size = u16(e + 24);
        if (span != 1 + (size + 31) / 32 || i + span > used) {
            problems.add(where + ": span " + span + " does not match size " + size + " or runs past the used entries");
            return 1;
        }
        if (type != 0x42 && span < ENTRIES && i + span >= ENTRIES) {
            problems.add(where + ": string or legacy blob ends in entry 125 (the generator's strict rule forbids it)");
        }
        if (!unusedAsGenerated(e, 26, 28, key)) {
            problems.add(where + ": reserved bytes of a variable-length header are not 0xFF");
        }
        int payload = e + 32;
        if (u32(e + 28) != crc(payload, size)) {
            problems.add(where + ": data CRC does not verify");
        }
        if (!allFF(payload + size, e + 32 * span)) {
            problems.add(where + ": payload padding is not 0xFF");
        }
        byte[] data = Arrays.copyOfRange(image, payload, payload + size);
        switch (type) {
            case 0x21 -> {
                if (size == 0 || data[size - 1] != 0) {
                    problems.add(where + ": string without terminating NUL");
                    return span;
                }
                events.add(new Value(ns, key, NvsValue.Str.ofBytes(Arrays.copyOf(data, size - 1))));
            }
            case 0x41 -> {
                if (version != 0xFF) {
                    problems.add(where + ": legacy blob in a format-2 image");
                }
                events.add(new Value(ns, key, NvsValue.Blob.of(data)));
            }
            default -> {
                if (version != 0xFE) {
                    problems.add(where + ": blob chunk in a format-1 image");
                }
                pendingChunks.computeIfAbsent(ns + "/" + key, k -> new ArrayList<>()).add(new Chunk(chunk, data));
            }
        }
        return span;
    }

    private void walkBlobIndex(String where, int e, int ns, String key, int span) {
        if (span != 1) {
            problems.add(where + ": blob index with span " + span);
        }
        long total = u32(e + 24) & 0xFFFF_FFFFL;
        int count = image[e + 28] & 0xFF;
        int start = image[e + 29] & 0xFF;
        if (start != 0 || (image[e + 30] & 0xFF) != 0xFF || (image[e + 31] & 0xFF) != 0xFF) {
            problems.add(where + ": blob index chunk start or reserved bytes wrong");
        }
        List<Chunk> chunks = pendingChunks.remove(ns + "/" + key);
        if (chunks == null || chunks.size() != count) {
            problems.add(where + ": blob index counts " + count + " chunks, found "
                    + (chunks == null ? 0 : chunks.size()));
            return;
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int k = 0; k < count; k++) {
            if (chunks.get(k).index() != k) {
                problems.add(where + ": chunk " + k + " has index " + chunks.get(k).index());
            }
            all.writeBytes(chunks.get(k).data());
        }
        if (all.size() != total) {
            problems.add(where + ": blob index size " + total + " but chunks hold " + all.size());
        }
        events.add(new Value(ns, key, NvsValue.Blob.of(all.toByteArray())));
    }

    /**
     * Unused bytes {@code from..to-1} of the entry at {@code e}: 0xFF, except that for a non-ASCII key the generator
     * moves (UTF-8 bytes − characters) zero bytes of the key field to entry offsets 24, 25, … (spec §2.5).
     */
    private boolean unusedAsGenerated(int e, int from, int to, String key) {
        int zerosEnd = 24 + key.getBytes(StandardCharsets.UTF_8).length - key.codePointCount(0, key.length());
        for (int i = from; i < to; i++) {
            if (image[e + i] != (i < zerosEnd ? (byte) 0 : (byte) 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private boolean allFF(int from, int to) {
        for (int i = from; i < to; i++) {
            if (image[i] != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }

    private boolean zeros(int from, int to) {
        for (int i = from; i < to; i++) {
            if (image[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private int u16(int off) {
        return (image[off] & 0xFF) | (image[off + 1] & 0xFF) << 8;
    }

    private int u32(int off) {
        return ByteBuffer.wrap(image, off, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    /** The NVS CRC as the specification defines it (§2.3): standard CRC-32 over FF FF FF FF ‖ data. */
    private int crc(int off, int len) {
        CRC32 c = primed();
        c.update(image, off, len);
        return (int) c.getValue();
    }

    private static CRC32 primed() {
        CRC32 c = new CRC32();
        c.update(new byte[] {-1, -1, -1, -1});
        return c;
    }
}
