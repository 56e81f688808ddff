package io.github.nvs4j.partition;

import io.github.nvs4j.NvsFormatException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static io.github.nvs4j.partition.TableFormat.MAX_LENGTH;
import static io.github.nvs4j.partition.TableFormat.MAX_SLOTS;
import static io.github.nvs4j.partition.TableFormat.SLOT_SIZE;
import static io.github.nvs4j.partition.TableFormat.hex;

/**
 * The checks of spec §14.7-2 on the sector at one offset: walk at most 96 slots, verify the MD5 entry if there is
 * one, require the end marker right after it (or after the last partition entry). The outcome says not only
 * whether a table is there but, when it is not, how sure we are that one was meant to be, which is what the search
 * of {@link PartitionTable#find(byte[])} needs.
 */
final class TableParser {

    /** What the sector at an offset turned out to be. */
    enum Verdict {
        /** A complete, valid table. */
        TABLE,
        /** No table: slot 0 is erased or does not start with a partition or MD5 magic. */
        NO_TABLE,
        /** Starts like a table but is not one (a bad magic in a later slot, no end marker, no partitions). */
        INVALID,
        /**
         * Reached an MD5 entry after a run of partition entries, but the digest does not match or the table goes on
         * after it. Random bytes practically never look like that: this is a damaged table.
         */
        DAMAGED
    }

    /**
     * The outcome at one offset.
     *
     * @param verdict what was found
     * @param table the table when {@code verdict} is {@link Verdict#TABLE}, else {@code null}
     * @param error why it is not a table, else {@code null}
     */
    record Outcome(Verdict verdict, PartitionTable table, NvsFormatException error) {
    }

    private TableParser() {
    }

    /**
     * Parses the sector at {@code base}. The caller has checked that {@code base + 0xC00} lies within {@code flash}.
     *
     * @param flash the dump
     * @param base the table offset
     * @return the outcome; never throws for any content
     */
    static Outcome parse(byte[] flash, int base) {
        List<Partition> partitions = new ArrayList<>();
        for (int slot = 0; slot < MAX_SLOTS; slot++) {
            int pos = base + slot * SLOT_SIZE;
            int magic = TableFormat.magic(flash, pos);
            if (magic == TableFormat.MAGIC_PARTITION) {
                partitions.add(TableFormat.partition(flash, pos));
            } else if (magic == TableFormat.MAGIC_MD5) {
                return afterMd5(flash, base, slot, partitions);
            } else if (TableFormat.isEndMarker(flash, pos)) {
                if (slot == 0) {
                    return fail(Verdict.NO_TABLE, "no partition table at " + hex(base)
                            + ": the first entry is erased (0xFF); the table may be at another offset", base);
                }
                return table(flash, base, partitions, false);
            } else if (slot == 0) {
                return fail(Verdict.NO_TABLE, "no partition table at " + hex(base) + ": the first entry starts with "
                        + bytes(flash, pos, 4) + ", not the partition magic aa 50; the table may be at another"
                        + " offset, or encrypted by flash encryption", base);
            } else {
                return fail(Verdict.INVALID, "invalid partition table at " + hex(base) + ": entry " + slot
                        + " has magic " + bytes(flash, pos, 2) + "; expected aa 50 (a partition), eb eb (the MD5"
                        + " entry) or the end marker ff ff ff ff", pos);
            }
        }
        return fail(Verdict.INVALID, "invalid partition table at " + hex(base) + ": no end marker within "
                + hex(MAX_LENGTH) + " bytes (" + MAX_SLOTS + " entries)", base);
    }

    private static Outcome afterMd5(byte[] flash, int base, int slot, List<Partition> partitions) {
        int pos = base + slot * SLOT_SIZE;
        byte[] computed = md5(flash, base, slot * SLOT_SIZE);
        int stored = pos + TableFormat.MD5_DIGEST_OFFSET;
        if (!MessageDigest.isEqual(computed,
                Arrays.copyOfRange(flash, stored, stored + TableFormat.MD5_DIGEST_LENGTH))) {
            Verdict verdict = slot == 0 ? Verdict.INVALID : Verdict.DAMAGED;
            return fail(verdict, "partition table MD5 mismatch at " + hex(base) + ": the MD5 entry (entry " + slot
                    + ", at " + hex(pos) + ") holds " + HexFormat.of().formatHex(flash, stored,
                    stored + TableFormat.MD5_DIGEST_LENGTH) + ", but the " + entries(slot) + " before it ("
                    + hex(base) + ".." + hex((long) pos - 1) + ") give " + HexFormat.of().formatHex(computed)
                    + "; the table was changed after it was made and is not used", pos);
        }
        int next = pos + SLOT_SIZE;
        if (slot + 1 >= MAX_SLOTS || !TableFormat.isEndMarker(flash, next)) {
            String after = slot + 1 >= MAX_SLOTS ? "it is the last of the " + MAX_SLOTS + " entries"
                    : "entry " + (slot + 1) + " starts with " + bytes(flash, next, 4);
            return fail(slot == 0 ? Verdict.INVALID : Verdict.DAMAGED, "invalid partition table at " + hex(base)
                    + ": the MD5 entry (entry " + slot + ") must be followed by the end marker ff ff ff ff, but "
                    + after, slot + 1 >= MAX_SLOTS ? pos : next);
        }
        return table(flash, base, partitions, true);
    }

    private static Outcome table(byte[] flash, int base, List<Partition> partitions, boolean md5) {
        if (partitions.isEmpty()) {
            return fail(Verdict.INVALID, "invalid partition table at " + hex(base)
                    + ": it lists no partitions (the bootloader refuses an empty table)", base);
        }
        byte[] raw = Arrays.copyOfRange(flash, base, base + partitions.size() * SLOT_SIZE);
        return new Outcome(Verdict.TABLE, new PartitionTable(base, md5, partitions, raw), null);
    }

    private static Outcome fail(Verdict verdict, String reason, long offset) {
        return new Outcome(verdict, null, new NvsFormatException(reason, offset));
    }

    private static byte[] md5(byte[] b, int from, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            digest.update(b, from, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide MD5 (MessageDigest's documented required algorithms).
            throw new IllegalStateException("this Java runtime has no MD5", e);
        }
    }

    private static String entries(int n) {
        return n == 1 ? "entry" : n + " entries";
    }

    private static String bytes(byte[] b, int from, int n) {
        return HexFormat.ofDelimiter(" ").formatHex(b, from, from + n);
    }
}
