package io.github.nvs4j.read;

import io.github.nvs4j.NvsFormatException;
import io.github.nvs4j.internal.runtime.BootOutcome;
import io.github.nvs4j.internal.runtime.DeviceJson;
import io.github.nvs4j.internal.runtime.Esp;
import io.github.nvs4j.internal.runtime.ModelAssembly;
import io.github.nvs4j.internal.runtime.ViewRows;
import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.ValueType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What an ESP32 shows after it boots on an image, as recorded by the device oracle of {@code testdata/device-images}:
 * the result of {@code nvs_flash_init_partition}, {@code nvs_get_stats}, every item the iterator lists with the
 * value its {@code nvs_get_*} call returns ({@link #entries()}) or the error it fails with ({@link #unreadable()}),
 * legacy blobs that can be read without being listed ({@link #unlisted()}), and what boot erased or discarded on
 * the way ({@link #repairs()}). Immutable; built by {@link NvsReader#boot(byte[], PartitionMode)}.
 *
 * <p>The three lists are ordered by namespace bytes, then key bytes, then type code, like the oracle's JSON. When
 * the init fails, stats are absent and the lists are empty.
 */
public final class DeviceView {

    private final BootOutcome outcome;
    private final InitResult init;
    private final List<ViewEntry> entries;
    private final List<UnreadableEntry> unreadable;
    private final List<ViewEntry> unlisted;

    DeviceView(BootOutcome outcome) {
        this.outcome = outcome;
        this.init = InitResult.ofCode(outcome.init());
        ViewRows listed = outcome.listed();
        this.entries = values(listed, listed.readable());
        this.unlisted = values(outcome.unlisted(), outcome.unlisted().readable());
        int[] failedRows = listed.unreadable();
        List<UnreadableEntry> failed = new ArrayList<>(failedRows.length);
        byte[] key = new byte[16];
        for (int r : failedRows) {
            failed.add(new UnreadableEntry(text(listed.namespace(r)), utf8(key, listed.keyInto(r, key)),
                    valueType(listed.type(r)), Esp.name(listed.error(r))));
        }
        this.unreadable = Collections.unmodifiableList(failed);
    }

    private static List<ViewEntry> values(ViewRows rows, int[] order) {
        List<ViewEntry> out = new ArrayList<>(order.length);
        // Rows are sorted by namespace and rows of one namespace share its name array: decode each name once.
        byte[] lastName = null;
        String lastText = null;
        byte[] key = new byte[16];
        for (int r : order) {
            if (rows.namespace(r) != lastName) {
                lastName = rows.namespace(r);
                lastText = text(lastName);
            }
            out.add(new ViewEntry(lastText, utf8(key, rows.keyInto(r, key)), rows.value(r)));
        }
        return Collections.unmodifiableList(out); // a fresh list nobody else holds: no copy needed
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] bytes, int length) {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private static ValueType valueType(int type) {
        return switch (type) {
            case 0x01 -> ValueType.U8;
            case 0x11 -> ValueType.I8;
            case 0x02 -> ValueType.U16;
            case 0x12 -> ValueType.I16;
            case 0x04 -> ValueType.U32;
            case 0x14 -> ValueType.I32;
            case 0x08 -> ValueType.U64;
            case 0x18 -> ValueType.I64;
            case 0x24 -> ValueType.F32;
            case 0x28 -> ValueType.F64;
            case 0x21 -> ValueType.STR;
            default -> ValueType.BLOB;
        };
    }

    /** @return the result of {@code nvs_flash_init_partition} */
    public InitResult init() {
        return init;
    }

    /**
     * @return what {@code nvs_get_stats} reports right after boot; empty when the init failed, or when
     *         {@code nvs_get_stats} fails (a FREEING page is still in use, or a read-only page turned INVALID)
     */
    public Optional<Stats> stats() {
        return Optional.ofNullable(outcome.stats());
    }

    /** @return the items the iterator lists and {@code nvs_get_*} reads, with their values */
    public List<ViewEntry> entries() {
        return entries;
    }

    /** @return the items the iterator lists but whose {@code nvs_get_*} call fails */
    public List<UnreadableEntry> unreadable() {
        return unreadable;
    }

    /**
     * Legacy single-page blobs (type 0x41) that the iterator never lists but {@code nvs_get_blob} reads, found with
     * the oracle's rule (device-images README, {@code unlisted}): after boot and the reads, every WRITTEN entry with
     * type byte 0x41 on a page whose state word is ACTIVE, FULL or FREEING (physical order), named through the last
     * WRITTEN namespace record carrying its index; names and keys are taken up to the first NUL, at most 15 bytes.
     * A candidate whose namespace cannot be opened, or whose namespace and key is already listed as a blob, is left
     * out; candidates are not merged with each other.
     *
     * @return the readable legacy blobs
     */
    public List<ViewEntry> unlisted() {
        return unlisted;
    }

    /**
     * @return everything boot erased, discarded or refused, in the order the runtime did it, followed by what the
     *         reads of the view erased (data CRC failures, incomplete blobs)
     */
    public List<BootRepair> repairs() {
        return outcome.repairs();
    }

    /**
     * Returns the live, readable key set as a model, in page-log order: namespace definitions and items sorted by
     * where they stand in the log (pages by sequence number, then entry index; a format-2 blob stands where its
     * first chunk is). Readable legacy blobs are included as blobs; unreadable items are not. When a namespace and
     * key pair is readable more than once (a key stored with two types, or an item listed under a borrowed
     * namespace name), the copy latest in the log is kept. For an image made by the generator this is exactly the
     * {@link NvsData} that produced it. Empty when the init failed.
     *
     * @return the model
     * @throws NvsFormatException if the live content does not fit the model: a name or key that is not valid UTF-8
     *                             (the model holds them as text), or more than 254 distinct namespace names
     */
    public NvsData toModel() {
        return ModelAssembly.toModel(outcome);
    }

    /**
     * @return the view in the {@code NAME.expected.json} format of {@code testdata/device-images}, byte for byte
     *         (names, keys and strings that are not valid UTF-8 are decoded with U+FFFD replacements; such strings
     *         also carry {@code "value_hex"} with their exact bytes)
     */
    public String toJson() {
        return DeviceJson.write(outcome);
    }

    @Override
    public String toString() {
        return "DeviceView[init=" + init + ", entries=" + entries.size() + ", unreadable=" + unreadable.size()
                + ", unlisted=" + unlisted.size() + ", repairs=" + outcome.repairs().size() + "]";
    }
}
