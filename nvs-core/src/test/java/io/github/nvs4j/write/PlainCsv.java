package io.github.nvs4j.write;

import io.github.nvs4j.model.NvsData;
import io.github.nvs4j.model.NvsValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/**
 * A deliberately trivial reader for the plain conformance inputs (the real CSV dialect lives in nvs-csv): one row
 * per line, fields split at commas, header {@code key,type,encoding,value}; rows {@code namespace}, {@code data}
 * with the integer encodings, {@code string} and {@code hex2bin}, and {@code file} rows with {@code binary}.
 * Anything else (quotes, comments, other encodings) fails the test rather than being guessed at.
 */
final class PlainCsv {

    private PlainCsv() {
    }

    /**
     * @param caseFolder the conformance case folder
     * @return the content of its {@code input.csv}
     */
    static NvsData read(Path caseFolder) {
        List<String> lines;
        try {
            lines = Files.readAllLines(caseFolder.resolve("input.csv"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NvsData.Builder builder = NvsData.builder();
        if (lines.isEmpty()) {
            return builder.build();
        }
        if (!lines.get(0).equals("key,type,encoding,value")) {
            throw new IllegalArgumentException("not a plain CSV header: " + lines.get(0));
        }
        for (String line : lines.subList(1, lines.size())) {
            if (line.indexOf('"') >= 0 || line.startsWith("#") || line.isEmpty()) {
                throw new IllegalArgumentException("not a plain CSV row: " + line);
            }
            String[] f = line.split(",", 4);
            String key = f[0];
            switch (f[1]) {
                case "namespace" -> builder.namespace(key);
                case "data" -> builder.put(key, value(f[2], f[3]));
                case "file" -> {
                    if (!f[2].equals("binary")) {
                        throw new IllegalArgumentException("unsupported file encoding: " + line);
                    }
                    try {
                        builder.put(key, NvsValue.Blob.of(Files.readAllBytes(caseFolder.resolve(f[3]))));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                default -> throw new IllegalArgumentException("unsupported row type: " + line);
            }
        }
        return builder.build();
    }

    private static NvsValue value(String encoding, String text) {
        return switch (encoding) {
            case "u8" -> new NvsValue.U8(Integer.parseInt(text));
            case "i8" -> new NvsValue.I8(Integer.parseInt(text));
            case "u16" -> new NvsValue.U16(Integer.parseInt(text));
            case "i16" -> new NvsValue.I16(Integer.parseInt(text));
            case "u32" -> new NvsValue.U32(Long.parseLong(text));
            case "i32" -> new NvsValue.I32(Integer.parseInt(text));
            case "u64" -> new NvsValue.U64(new BigInteger(text).longValue());
            case "i64" -> new NvsValue.I64(Long.parseLong(text));
            case "string" -> NvsValue.Str.of(text);
            case "hex2bin" -> NvsValue.Blob.of(HexFormat.of().parseHex(text));
            default -> throw new IllegalArgumentException("unsupported encoding: " + encoding);
        };
    }
}
