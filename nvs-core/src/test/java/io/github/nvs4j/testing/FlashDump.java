package io.github.nvs4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One recorded whole-flash dump of {@code testdata/flash-dumps}: {@code NAME.bin} and its description
 * {@code NAME.json} (see that folder's README). Dumps are read once and shared; tests must not modify them.
 *
 * @param name the case name
 * @param json the parsed description
 */
public record FlashDump(String name, Map<String, Object> json) {

    private static final Map<String, byte[]> BYTES = new ConcurrentHashMap<>();

    /** @return every case name in the folder; fails when there are none */
    public static List<String> names() {
        Path dir = TestData.path("flash-dumps");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted()
                    .toList();
            if (names.isEmpty()) {
                throw new IllegalStateException("no flash dumps in " + dir);
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param name a case name @return the case */
    public static FlashDump load(String name) {
        return new FlashDump(name, Json.object(Json.read(TestData.path("flash-dumps/" + name + ".json"))));
    }

    /** @return the dump's bytes (shared: do not modify) */
    public byte[] bytes() {
        return bytes(name);
    }

    /** @param name a case name @return its dump's bytes (shared: do not modify) */
    public static byte[] bytes(String name) {
        return BYTES.computeIfAbsent(name, n -> TestData.bytes("flash-dumps/" + n + ".bin"));
    }

    /** @param file a file name in {@code testdata/device-images} @return its bytes */
    public static byte[] deviceImage(String file) {
        return TestData.bytes("device-images/" + file);
    }

    /** @return the {@code error} the description records (for a dump without a usable table) */
    public String error() {
        return (String) json.get("error");
    }

    /** @return whether the dump has no usable partition table */
    public boolean isErrorCase() {
        return json.containsKey("error");
    }

    /** @return the partition table's offset */
    public int tableOffset() {
        return Math.toIntExact((Long) json.get("table_offset"));
    }

    /** @return whether the table ends with an MD5 entry */
    public boolean tableMd5() {
        return (Boolean) json.get("table_md5");
    }

    /** @return the {@code nvs} object: how the default NVS partition is found */
    public Map<String, Object> nvs() {
        return Json.object(json.get("nvs"));
    }

    /** @return every row of the partition table */
    public List<Map<String, Object>> partitions() {
        return Json.array(json.get("partitions")).stream().map(Json::object).toList();
    }

    /**
     * @return the data/nvs partitions in table order: {@code label}, {@code offset}, {@code size}, {@code readonly},
     *         {@code source} and {@code expected} (file names in {@code testdata/device-images})
     */
    public List<Map<String, Object>> nvsPartitions() {
        return Json.array(json.get("nvs_partitions")).stream().map(Json::object).toList();
    }

    /** @return the {@code error_detail} object of an error case */
    public Map<String, Object> errorDetail() {
        return Json.object(json.get("error_detail"));
    }

    @Override
    public String toString() {
        return name;
    }
}
