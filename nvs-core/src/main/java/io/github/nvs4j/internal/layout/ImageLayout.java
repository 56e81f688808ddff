package io.github.nvs4j.internal.layout;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.internal.format.ItemType;
import io.github.nvs4j.internal.format.KeyField;
import io.github.nvs4j.internal.model.EncodedItems;
import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.model.ValueType;
import io.github.nvs4j.write.FormatVersion;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Lays out {@link NvsData} the way {@code nvs_partition_gen.py} 0.2.0 does: namespace definitions at the point
 * they were defined, items in write order, each kind placed by its placer on the pages a {@link PageCursor} hands
 * out; the last page used stays ACTIVE and the rest of the image is {@code 0xFF}.
 */
public final class ImageLayout {

    private static final ValueType[] VALUE_TYPES = ValueType.values();
    /** The item type of each value type, by {@link ValueType#ordinal()}. */
    private static final ItemType[] ITEM_TYPES = new ItemType[VALUE_TYPES.length];

    static {
        for (ValueType t : VALUE_TYPES) {
            ITEM_TYPES[t.ordinal()] = ItemType.of(t);
        }
    }

    private final NvsData data;
    private final FormatVersion version;
    private final PageCursor cursor;
    private final FixedSizePlacer fixed;
    private final StringPlacer strings;
    private final LegacyBlobPlacer legacyBlobs;
    private final ChunkedBlobPlacer chunkedBlobs;
    /**
     * What is being placed, for the "does not fit" message: the item index, or −(namespace index) while a namespace
     * definition is placed.
     */
    private int currentItem;
    /** The names of the item being placed, looked up in the model only for a message. */
    private final ItemNames names = new ItemNames() {
        @Override
        public String namespace() {
            return data.items().get(currentItem).namespace();
        }

        @Override
        public String key() {
            return data.items().get(currentItem).key();
        }
    };

    private ImageLayout(NvsData data, FormatVersion version, PageCursor cursor) {
        this.data = data;
        this.version = version;
        this.cursor = cursor;
        this.fixed = new FixedSizePlacer(cursor);
        this.strings = version == FormatVersion.V1
                ? new StringPlacer(cursor, StringPlacer.MAX_BYTES_V1, "version 1")
                : new StringPlacer(cursor, StringPlacer.MAX_BYTES_V2, "version 2");
        this.legacyBlobs = new LegacyBlobPlacer(cursor);
        this.chunkedBlobs = new ChunkedBlobPlacer(cursor);
    }

    /**
     * Writes an image.
     *
     * @param data the content
     * @param partitionSize the partition size in bytes
     * @param version the format version
     * @return the image
     * @throws NvsInputException if the size is invalid, a value breaks a limit, or the data does not fit
     */
    public static byte[] write(NvsData data, long partitionSize, FormatVersion version) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(version, "version");
        PartitionGeometry geometry = PartitionGeometry.of(partitionSize);
        byte[] image = new byte[(int) partitionSize];
        Arrays.fill(image, (byte) 0xFF);
        ImageLayout layout = new ImageLayout(data, version,
                PageCursor.over(image, geometry.dataPages(), version.headerByte()));
        try {
            layout.run();
        } catch (PagesExhausted e) {
            throw layout.doesNotFit(geometry);
        }
        layout.cursor.finish();
        int length = geometry.outputLength(layout.cursor.pagesUsed());
        return length == image.length ? image : Arrays.copyOf(image, length);
    }

    /**
     * Counts the pages the data needs (the pages that get a header), whatever the partition size.
     *
     * @param data the content
     * @param version the format version
     * @return the number of data pages, at least 1
     * @throws NvsInputException if a value breaks a limit of the version or of the runtime
     */
    public static int pagesNeeded(NvsData data, FormatVersion version) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(version, "version");
        ImageLayout layout = new ImageLayout(data, version, PageCursor.measuring(version.headerByte()));
        layout.run();
        return layout.cursor.pagesUsed();
    }

    private void run() {
        // Hot loop: the key field, namespace index, type, fixed-size bits and value come from the model's flat arrays
        // (EncodedItems); the item record is only read for a non-ASCII key and for messages (going through it for every
        // string and blob added a dependent load per item, which shows once the model no longer fits the cache).
        EncodedItems encoded = EncodedItems.of(data);
        List<NvsData.Item> items = data.items();
        List<String> namespaces = data.namespaces();
        ItemKey key = new ItemKey();
        int nextNamespace = 0;
        int nextStart = namespaces.isEmpty() ? Integer.MAX_VALUE : data.namespaceStart(0);
        for (int i = 0, n = encoded.size(); i < n; i++) {
            while (nextStart <= i) {
                placeNamespace(namespaces.get(nextNamespace), ++nextNamespace);
                nextStart = nextNamespace < namespaces.size() ? data.namespaceStart(nextNamespace) : Integer.MAX_VALUE;
            }
            currentItem = i;
            long low = encoded.keyLow(i);
            long high = encoded.keyHigh(i);
            int extraBytes = KeyField.isAscii(low, high) ? 0 : ShiftedKeyPadding.extraBytes(items.get(i).key());
            key.set(low, high, encoded.keyCrc(i), extraBytes);
            int ns = encoded.namespaceIndex(i);
            ValueType type = VALUE_TYPES[encoded.valueType(i)];
            if (type == ValueType.STR) {
                strings.place(ns, names, key, (NvsValue.Str) encoded.value(i));
            } else if (type == ValueType.BLOB) {
                if (version == FormatVersion.V1) {
                    legacyBlobs.place(ns, names, key, (NvsValue.Blob) encoded.value(i));
                } else {
                    chunkedBlobs.place(ns, names, key, (NvsValue.Blob) encoded.value(i));
                }
            } else {
                fixed.place(ns, key, ITEM_TYPES[type.ordinal()], encoded.bits(i));
            }
        }
        while (nextNamespace < namespaces.size()) {
            placeNamespace(namespaces.get(nextNamespace), ++nextNamespace);
        }
    }

    private void placeNamespace(String name, int index) {
        currentItem = -index;
        fixed.placeNamespace(name, index);
    }

    private NvsInputException doesNotFit(PartitionGeometry geometry) {
        NvsData.Item item = currentItem >= 0 ? data.items().get(currentItem) : null;
        String what = item == null
                ? "namespace definition"
                : "value in namespace '" + item.namespace() + "'";
        String currentKey = item == null ? data.namespaces().get(-currentItem - 1) : item.key();
        StringBuilder reason = new StringBuilder()
                .append(what).append(" does not fit: the partition of ")
                .append(PartitionGeometry.describe(geometry.size())).append(" has ").append(geometry.describePages())
                .append(", all full at this point");
        int needed;
        try {
            needed = pagesNeeded(data, version);
        } catch (NvsInputException later) {
            needed = -1;
        }
        if (needed > 0) {
            reason.append("; the data needs ").append(needed).append(needed == 1 ? " page" : " pages")
                    .append(": ").append(PartitionGeometry.suggestSize(needed));
        } else {
            reason.append("; use a larger partition size");
        }
        return new NvsInputException(reason.toString(), null, 0, currentKey, null);
    }
}
