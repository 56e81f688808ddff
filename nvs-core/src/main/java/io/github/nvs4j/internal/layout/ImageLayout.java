package io.github.nvs4j.internal.layout;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.internal.format.ItemType;
import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;
import io.github.nvs4j.write.FormatVersion;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lays out {@link NvsData} the way {@code nvs_partition_gen.py} 0.2.0 does: namespace definitions at the point
 * they were defined, items in write order, each kind placed by its placer on the pages a {@link PageCursor} hands
 * out; the last page used stays ACTIVE and the rest of the image is {@code 0xFF}.
 */
public final class ImageLayout {

    private final NvsData data;
    private final FormatVersion version;
    private final PageCursor cursor;
    private final FixedSizePlacer fixed;
    private final StringPlacer strings;
    private final LegacyBlobPlacer legacyBlobs;
    private final ChunkedBlobPlacer chunkedBlobs;
    private final Map<String, Integer> namespaceIndex;
    /** The key (or namespace name) being placed, for the "does not fit" message. */
    private String currentKey;
    private String currentNamespace;

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
        List<String> names = data.namespaces();
        this.namespaceIndex = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            namespaceIndex.put(names.get(i), i + 1);
        }
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
        List<NvsData.Item> items = data.items();
        List<String> namespaces = data.namespaces();
        int nextNamespace = 0;
        String lastName = null;
        int lastIndex = 0;
        for (int i = 0, n = items.size(); i < n; i++) {
            while (nextNamespace < namespaces.size() && data.namespaceStart(nextNamespace) <= i) {
                placeNamespace(namespaces.get(nextNamespace), ++nextNamespace);
            }
            NvsData.Item item = items.get(i);
            String namespace = item.namespace();
            if (!namespace.equals(lastName)) {
                lastName = namespace;
                lastIndex = namespaceIndex.get(namespace);
            }
            currentNamespace = namespace;
            currentKey = item.key();
            placeItem(lastIndex, namespace, item.key(), item.value());
        }
        while (nextNamespace < namespaces.size()) {
            placeNamespace(namespaces.get(nextNamespace), ++nextNamespace);
        }
    }

    private void placeNamespace(String name, int index) {
        currentNamespace = null;
        currentKey = name;
        fixed.placeNamespace(name, index);
    }

    private void placeItem(int ns, String namespace, String key, NvsValue value) {
        switch (value.type()) {
            case U8 -> fixed.place(ns, key, ItemType.U8, ((NvsValue.U8) value).value());
            case I8 -> fixed.place(ns, key, ItemType.I8, ((NvsValue.I8) value).value());
            case U16 -> fixed.place(ns, key, ItemType.U16, ((NvsValue.U16) value).value());
            case I16 -> fixed.place(ns, key, ItemType.I16, ((NvsValue.I16) value).value());
            case U32 -> fixed.place(ns, key, ItemType.U32, ((NvsValue.U32) value).value());
            case I32 -> fixed.place(ns, key, ItemType.I32, ((NvsValue.I32) value).value());
            case U64 -> fixed.place(ns, key, ItemType.U64, ((NvsValue.U64) value).value());
            case I64 -> fixed.place(ns, key, ItemType.I64, ((NvsValue.I64) value).value());
            case F32 -> fixed.place(ns, key, ItemType.FLOAT, ((NvsValue.F32) value).bits());
            case F64 -> fixed.place(ns, key, ItemType.DOUBLE, ((NvsValue.F64) value).bits());
            case STR -> strings.place(ns, namespace, key, (NvsValue.Str) value);
            case BLOB -> {
                if (version == FormatVersion.V1) {
                    legacyBlobs.place(ns, namespace, key, (NvsValue.Blob) value);
                } else {
                    chunkedBlobs.place(ns, namespace, key, (NvsValue.Blob) value);
                }
            }
        }
    }

    private NvsInputException doesNotFit(PartitionGeometry geometry) {
        String what = currentNamespace == null
                ? "namespace definition"
                : "value in namespace '" + currentNamespace + "'";
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
