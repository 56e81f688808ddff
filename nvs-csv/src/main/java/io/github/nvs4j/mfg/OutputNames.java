package io.github.nvs4j.mfg;

import io.github.nvs4j.NvsInputException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The names of a device's output files, as {@code mfg_gen.py} makes them: {@code PREFIX-ID} or, with
 * {@code --prefix_num START LEN}, {@code PREFIX-NNN-ID}; then {@code bin/NAME.bin}, {@code csv/NAME.csv},
 * {@code keys/keys-NAME.bin} and {@code keys/hmac-keys-NAME.bin}. {@code ID} is the device number or, with
 * {@code --fileid}, the device's value in that column.
 */
final class OutputNames {

    /** Longest file name most file systems accept, in bytes. */
    private static final int MAX_FILE_NAME_BYTES = 255;

    private final MfgOptions options;
    private final int fileidColumn;
    private final String fileidKey;

    /**
     * @param options the run's options
     * @param fileidColumn the values-file column of {@code --fileid}, or -1 for the device number
     */
    OutputNames(MfgOptions options, int fileidColumn) {
        this.options = options;
        this.fileidColumn = fileidColumn;
        this.fileidKey = options.fileid().orElse(null);
    }

    /** @return whether two devices can get the same name (only with {@code --fileid} and no {@code --prefix_num}) */
    boolean namesCanRepeat() {
        return fileidColumn >= 0 && options.prefixNumStart().isEmpty();
    }

    /**
     * @param row the device
     * @param values the device's values after {@code REPEAT} substitution
     * @param valuesSource the values file name, for messages
     * @return the base name {@code PREFIX[-NNN]-ID}
     * @throws NvsInputException when the id cannot be part of a file name
     */
    String baseName(DeviceRow row, List<String> values, String valuesSource) {
        String id;
        if (fileidColumn >= 0) {
            id = values.get(fileidColumn);
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                if (c == '/' || c == '\\' || c == '\0' || c == '\n' || c == '\r') {
                    throw new NvsInputException(deviceLabel(row) + ": its file id '" + id.replace("\n", "\\n")
                            .replace("\r", "\\r").replace("\0", "\\0") + "' (column " + (fileidColumn + 1)
                            + " '" + fileidKey + "', --fileid) contains a character that cannot be part of a file"
                            + " name ('/', '\\', a line break or NUL)", valuesSource, row.line(), fileidKey, null);
                }
            }
        } else {
            id = Integer.toString(row.number());
        }
        StringBuilder name = new StringBuilder(options.prefix()).append('-');
        if (options.prefixNumStart().isPresent()) {
            long number;
            try {
                number = Math.addExact(options.prefixNumStart().getAsLong(), row.number() - 1L);
            } catch (ArithmeticException e) {
                throw new NvsInputException(deviceLabel(row) + ": --prefix_num START + device number overflows a"
                        + " 64-bit number", valuesSource, row.line(), null, null);
            }
            name.append(zeroPadded(number, options.prefixNumLength())).append('-');
        }
        String base = name.append(id).toString();
        String longest = options.keyProtectHmac() && options.kpHmacKeygen() ? hmacKeyFileName(base)
                : options.keygen() ? keyFileName(base) : binFileName(base);
        if (longest.getBytes(StandardCharsets.UTF_8).length > MAX_FILE_NAME_BYTES) {
            throw new NvsInputException(deviceLabel(row) + ": the file name '" + longest + "' is longer than "
                    + MAX_FILE_NAME_BYTES + " bytes", valuesSource, row.line(), fileidKey, null);
        }
        return base;
    }

    /** Python's {@code f"{number:0{width}}"}: the sign first, then zeros up to {@code width} characters in all. */
    static String zeroPadded(long number, int width) {
        String digits = number < 0 ? Long.toString(number).substring(1) : Long.toString(number);
        String sign = number < 0 ? "-" : "";
        int pad = width - sign.length() - digits.length();
        return pad <= 0 ? sign + digits : sign + "0".repeat(pad) + digits;
    }

    static String binFileName(String base) {
        return base + ".bin";
    }

    static String csvFileName(String base) {
        return base + ".csv";
    }

    static String keyFileName(String base) {
        return "keys-" + base + ".bin";
    }

    static String hmacKeyFileName(String base) {
        return "hmac-" + "keys-" + base + ".bin";
    }

    /**
     * @param keysDir {@code OUTDIR/keys}
     * @param base the device's base name
     * @return where the device's generated HMAC key goes: {@code --kp_hmac_keyfile} or {@code hmac-keys-NAME.bin}
     */
    Path hmacKeyFile(Path keysDir, String base) {
        return options.kpHmacKeyfile().map(name -> keysDir.resolve(withBinExtension(name)))
                .orElseGet(() -> keysDir.resolve(hmacKeyFileName(base)));
    }

    /**
     * Checks a {@code --kp_hmac_keyfile} name as the generator does: no extension gets {@code .bin}; an extension
     * must contain {@code .bin}.
     */
    static void checkHmacKeyfileName(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new NvsInputException("--kp_hmac_keyfile '" + name + "' is not a file name");
        }
        String extension = extension(name);
        if (!extension.isEmpty() && !extension.contains(".bin")) {
            throw new NvsInputException("--kp_hmac_keyfile '" + name + "' must have the extension .bin (or none, and"
                    + " .bin is added)");
        }
    }

    private static String withBinExtension(String name) {
        return extension(name).isEmpty() ? name + ".bin" : name;
    }

    private static String extension(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String fileName = name.substring(slash + 1).replaceFirst("^\\.+", "");
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot);
    }

    static String deviceLabel(DeviceRow row) {
        return "device " + row.number();
    }
}
