package io.github.nvs4j.partition;

import io.github.nvs4j.NvsException;
import io.github.nvs4j.NvsFormatException;
import io.github.nvs4j.testing.FlashDump;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input: random bytes, random slot sequences and mutated real tables never make the table reader throw
 * anything but {@link NvsFormatException} (or {@link io.github.nvs4j.NvsInputException} where a label is asked
 * for), never look past the 96 slots, and what they accept is consistent.
 */
class PartitionTableProperties {

    private static final int FLASH = 0x20000;
    private static final int TABLE = 0x8000;
    private static final List<String> DUMPS = List.of("default-singleapp-4mb", "two-nvs-2mb", "no-md5-1mb",
            "offset-10000-1mb", "readonly-nvs-1mb", "partial-dump-64k", "bad-md5-1mb");

    @Property(tries = 200)
    void randomBytesAreRefusedOnlyWithFormatExceptions(@ForAll("randomFlash") byte[] flash) {
        exercise(flash, TABLE);
        exercise(flash, 0);
    }

    @Property(tries = 600)
    void randomSlotSequencesAreHandled(@ForAll("slotSequences") byte[] flash) {
        exercise(flash, TABLE);
    }

    @Property(tries = 600)
    void mutatedRealTablesAreHandled(@ForAll("mutatedDumps") byte[] flash) {
        exercise(flash, TABLE);
        exercise(flash, 0x10000);
    }

    /** Runs every entry point and checks the invariants that hold for any input. */
    private static void exercise(byte[] flash, int base) {
        Optional<PartitionTable> read = outcome(() -> PartitionTable.read(flash, base));
        read.ifPresent(table -> checkTable(table, base));
        if ((long) base + 0x1000 <= flash.length) {
            // Bytes after the 96 slots never change the verdict.
            byte[] beyond = flash.clone();
            for (int i = base + 0xC00; i < base + 0x1000; i++) {
                beyond[i] = (byte) ~beyond[i];
            }
            assertThat(verdict(beyond, base)).isEqualTo(verdict(flash, base));
        }
        Optional<PartitionTable> found = outcome(() -> PartitionTable.find(flash)).flatMap(o -> o);
        found.ifPresent(table -> {
            checkTable(table, table.offset());
            assertThat(table.offset() % 0x1000).isZero();
            assertThat(PartitionTable.read(flash, table.offset())).isEqualTo(table);
        });
        outcome(() -> checkSelection(NvsLocation.auto().select(flash), flash));
        try {
            checkSelection(NvsLocation.byLabel("nvs").select(flash), flash);
        } catch (NvsException expected) {
            // Input (no such label) or format: both documented.
        }
    }

    private static void checkTable(PartitionTable table, int base) {
        assertThat(table.offset()).isEqualTo(base);
        int slotsUsed = table.partitions().size() + (table.hasMd5() ? 1 : 0) + 1;
        assertThat(slotsUsed).isBetween(2, 96);
        assertThat(table.partitions()).isNotEmpty().hasSizeLessThanOrEqualTo(95);
        for (Partition p : table.partitions()) {
            assertThat(p.type()).isBetween(0, 255);
            assertThat(p.subtype()).isBetween(0, 255);
            assertThat(p.toCsvRow()).isNotNull();
            assertThat(table.findByLabel(p.label()).isPresent() || p.label().contains("\uFFFD")).isTrue();
        }
        assertThat(table.toCsv()).startsWith("# ESP-IDF Partition Table\n");
    }

    private static NvsSelection checkSelection(NvsSelection selection, byte[] flash) {
        byte[] image = selection.image();
        assertThat(image.length).isLessThanOrEqualTo(flash.length).isEqualTo(selection.imageLength());
        assertThat(Arrays.equals(flash, (int) selection.offset(), (int) selection.offset() + image.length,
                image, 0, image.length)).isTrue();
        if (selection.origin() != NvsSelection.Origin.WHOLE_FILE) {
            assertThat(image.length % 0x1000).isZero();
            assertThat(image.length).isGreaterThanOrEqualTo(0x1000);
            assertThat(selection.offset() + selection.size()).isLessThanOrEqualTo(flash.length);
        }
        assertThat(selection.summary()).doesNotContain("\n");
        return selection;
    }

    /** @return the table's entries, or the refusal's message */
    private static String verdict(byte[] flash, int base) {
        try {
            PartitionTable table = PartitionTable.read(flash, base);
            return table + "\n" + table.partitions();
        } catch (NvsFormatException e) {
            return e.getMessage();
        }
    }

    /** @return the result, or empty if it threw an {@link NvsFormatException}; anything else fails the property */
    private static <T> Optional<T> outcome(Supplier<T> action) {
        try {
            return Optional.of(action.get());
        } catch (NvsFormatException e) {
            return Optional.empty();
        }
    }

    // ---- generators

    @Provide
    Arbitrary<byte[]> randomFlash() {
        Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMaxSize(0x11000);
        Arbitrary<byte[]> big = Arbitraries.bytes().array(byte[].class).ofMinSize(0x8C00).ofMaxSize(0x11000);
        // Random bytes that at least start like a table at 0x8000 and at 0.
        Arbitrary<byte[]> tableStart = big.map(b -> {
            b[0] = b[TABLE] = (byte) 0xAA;
            b[1] = b[TABLE + 1] = 0x50;
            return b;
        });
        return Arbitraries.oneOf(any, big, tableStart);
    }

    @Provide
    Arbitrary<byte[]> slotSequences() {
        Arbitrary<byte[]> slot = Arbitraries.oneOf(
                partitionSlot(), partitionSlot(), partitionSlot(),
                Arbitraries.just(md5Marker()),
                Arbitraries.just(TableBuilder.filled(32, 0xFF)),
                Arbitraries.bytes().array(byte[].class).ofSize(32));
        // Long runs of partition entries reach the 96-slot limit; then anything may follow.
        Arbitrary<List<byte[]>> longRun = Combinators.combine(partitionSlot().list().ofMinSize(92).ofMaxSize(97),
                slot.list().ofMaxSize(4)).as((run, tail) -> {
                    List<byte[]> all = new java.util.ArrayList<>(run);
                    all.addAll(tail);
                    return all;
                });
        Arbitrary<List<byte[]>> sequences = Arbitraries.frequencyOf(
                Tuple.of(4, slot.list().ofMinSize(0).ofMaxSize(100)), Tuple.of(1, longRun));
        return Combinators.combine(sequences, Arbitraries.integers().between(0, 2))
                .as((slots, md5Mode) -> {
                    byte[] flash = TableBuilder.filled(FLASH, 0xFF);
                    int pos = TABLE;
                    for (byte[] s : slots.subList(0, Math.min(slots.size(), 100))) {
                        System.arraycopy(s, 0, flash, pos, 32);
                        if (md5Mode > 0 && (s[0] & 0xFF) == 0xEB && (s[1] & 0xFF) == 0xEB) {
                            // Seal: the right digest for what stands before it, so the walk goes on.
                            byte[] digest = TableBuilder.md5Of(Arrays.copyOfRange(flash, TABLE, pos));
                            System.arraycopy(digest, 0, flash, pos + 16, 16);
                        }
                        pos += 32;
                    }
                    return flash;
                });
    }

    private static Arbitrary<byte[]> partitionSlot() {
        return Combinators.combine(
                Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(0, 255),
                Arbitraries.longs().between(0, 0xFFFF_FFFFL),
                Arbitraries.of(0L, 0x1000L, 0x3000L, 0xFFFL, 0xFFFF_FFFFL, 0x100000L),
                Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(16),
                Arbitraries.integers())
                .as((type, subtype, offset, size, label, flags) -> {
                    long off = offset % 3 == 0 ? 0x9000 + (offset % 16) * 0x1000 : offset;
                    int t = type % 4 == 0 ? 1 : type;
                    int st = subtype % 3 == 0 ? 2 : subtype;
                    byte[] slot = new TableBuilder().entry(label, t, st, off, size, flags).bytes();
                    return Arrays.copyOf(slot, 32);
                });
    }

    private static byte[] md5Marker() {
        byte[] slot = TableBuilder.filled(32, 0xFF);
        slot[0] = (byte) 0xEB;
        slot[1] = (byte) 0xEB;
        return slot;
    }

    @Provide
    Arbitrary<byte[]> mutatedDumps() {
        Arbitrary<Mutation> mutation = Combinators.combine(
                Arbitraries.integers().between(0, 5),
                // Mostly where the entries are; sometimes anywhere in the sector.
                Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.integers().between(0, 0xFF)),
                        Tuple.of(1, Arbitraries.integers().between(0, 0xFFF))),
                Arbitraries.integers().between(0, 255),
                Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.integers().between(0, 8)),
                        Tuple.of(1, Arbitraries.integers().between(0, 95))))
                .as(Mutation::new);
        return Combinators.combine(
                Arbitraries.of(DUMPS),
                mutation.list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 0x14000).injectNull(0.875))
                .as((name, mutations, reseal, cut) -> {
                    byte[] dump = FlashDump.bytes(name);
                    byte[] flash = Arrays.copyOf(dump, Math.min(dump.length, 0x14000));
                    int base = name.equals("offset-10000-1mb") ? 0x10000 : TABLE;
                    for (Mutation m : mutations) {
                        m.apply(flash, base);
                    }
                    if (reseal) {
                        reseal(flash, base);
                    }
                    return cut != null ? Arrays.copyOf(flash, cut) : flash; // truncated 1 time in 8
                });
    }

    /** Gives the first MD5 entry the right digest, so that mutations of the entries reach the later checks. */
    private static void reseal(byte[] flash, int base) {
        for (int slot = 0; slot < 96; slot++) {
            int pos = base + slot * 32;
            if ((flash[pos] & 0xFF) == 0xEB && (flash[pos + 1] & 0xFF) == 0xEB) {
                byte[] digest = TableBuilder.md5Of(Arrays.copyOfRange(flash, base, pos));
                System.arraycopy(digest, 0, flash, pos + 16, 16);
                return;
            }
        }
    }

    /** One change to a table sector. */
    record Mutation(int kind, int at, int value, int slot) {

        void apply(byte[] flash, int base) {
            int pos = base + at;
            switch (kind) {
                case 0 -> flash[pos] ^= (byte) (1 << (value & 7));
                case 1 -> flash[pos] = 0x00;
                case 2 -> flash[pos] = (byte) 0xFF;
                case 3 -> flash[pos] = (byte) value;
                case 4 -> System.arraycopy(flash, base + (at % 96) * 32, flash, base + slot * 32, 32);
                default -> Arrays.fill(flash, base + slot * 32, base + slot * 32 + 32, (byte) value);
            }
        }
    }
}
