package io.github.nvs4j.partition;

import io.github.nvs4j.testing.Json;
import io.github.nvs4j.testing.TestData;

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
record FlashDump(String name, Map<String, Object> json) {

    private static final Map<String, byte[]> BYTES = new ConcurrentHashMap<>();

    /** @return every case name in the folder; fails when there are none */
    static List<String> names() {
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
    static FlashDump load(String name) {
        return new FlashDump(name, Json.object(Json.read(TestData.path("flash-dumps/" + name + ".json"))));
    }

    /** @return the dump's bytes (shared: do not modify) */
    byte[] bytes() {
        return bytes(name);
    }

    /** @param name a case name @return its dump's bytes (shared: do not modify) */
    static byte[] bytes(String name) {
        return BYTES.computeIfAbsent(name, n -> TestData.bytes("flash-dumps/" + n + ".bin"));
    }

    /** @param file a file name in {@code testdata/device-images} @return its bytes */
    static byte[] deviceImage(String file) {
        return TestData.bytes("device-images/" + file);
    }

    String error() {
        return (String) json.get("error");
    }

    boolean isErrorCase() {
        return json.containsKey("error");
    }

    int tableOffset() {
        return Math.toIntExact((Long) json.get("table_offset"));
    }

    boolean tableMd5() {
        return (Boolean) json.get("table_md5");
    }

    Map<String, Object> nvs() {
        return Json.object(json.get("nvs"));
    }

    List<Map<String, Object>> partitions() {
        return Json.array(json.get("partitions")).stream().map(Json::object).toList();
    }

    List<Map<String, Object>> nvsPartitions() {
        return Json.array(json.get("nvs_partitions")).stream().map(Json::object).toList();
    }

    Map<String, Object> errorDetail() {
        return Json.object(json.get("error_detail"));
    }

    @Override
    public String toString() {
        return name;
    }
}
