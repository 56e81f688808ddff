package io.github.nvs4j.mfg;

import io.github.nvs4j.NvsInputException;
import io.github.nvs4j.write.FormatVersion;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The options of a mass-manufacturing run, one for each argument of {@code mfg_gen.py generate CONF VALUES PREFIX
 * SIZE […]} (the config and values files are given to {@link MfgJob#open} or {@link MfgRunner#run}), plus
 * {@code --threads} and the folder that {@code file} rows are resolved against. Immutable; build with
 * {@link #builder(String, long)}.
 *
 * <table>
 *   <caption>Arguments of mfg_gen.py and their builder methods</caption>
 *   <tr><th>mfg_gen.py</th><th>builder</th><th>default</th></tr>
 *   <tr><td>{@code PREFIX}</td><td>{@link #builder(String, long)}</td><td>required</td></tr>
 *   <tr><td>{@code SIZE}</td><td>{@link #builder(String, long)}</td><td>required</td></tr>
 *   <tr><td>{@code --prefix_num START LEN}</td><td>{@link Builder#prefixNum(long, int)}</td><td>none</td></tr>
 *   <tr><td>{@code --fileid KEY}</td><td>{@link Builder#fileid(String)}</td><td>device number 1, 2, 3…</td></tr>
 *   <tr><td>{@code --version {1,2}}</td><td>{@link Builder#version(FormatVersion)}</td><td>2</td></tr>
 *   <tr><td>{@code --keygen}</td><td>{@link Builder#keygen(boolean)}</td><td>off</td></tr>
 *   <tr><td>{@code --inputkey FILE}</td><td>{@link Builder#inputkey(Path)}</td><td>none</td></tr>
 *   <tr><td>{@code --outdir DIR}</td><td>{@link Builder#outdir(Path)}</td><td>working directory</td></tr>
 *   <tr><td>{@code --key_protect_hmac}</td><td>{@link Builder#keyProtectHmac(boolean)}</td><td>off</td></tr>
 *   <tr><td>{@code --kp_hmac_keygen}</td><td>{@link Builder#kpHmacKeygen(boolean)}</td><td>off</td></tr>
 *   <tr><td>{@code --kp_hmac_keyfile FILE}</td><td>{@link Builder#kpHmacKeyfile(String)}</td><td>none</td></tr>
 *   <tr><td>{@code --kp_hmac_inputkey FILE}</td><td>{@link Builder#kpHmacInputkey(Path)}</td><td>none</td></tr>
 *   <tr><td>{@code --threads N} (nvs4j)</td><td>{@link Builder#threads(int)}</td><td>all processors</td></tr>
 *   <tr><td>working directory for {@code file} rows</td><td>{@link Builder#baseDirectory(Path)}</td>
 *       <td>working directory</td></tr>
 * </table>
 *
 * <p>Images are encrypted when {@code keygen} or {@code inputkey} is set, as in {@code mfg_gen.py}. Combinations
 * that {@code mfg_gen.py} silently ignores or that lose keys are refused by {@link Builder#build()} (see
 * {@code docs/mfg-differences.md}): {@code keygen} with {@code inputkey}; any HMAC option without
 * {@code keyProtectHmac}; {@code keyProtectHmac} without {@code keygen} (with {@code inputkey} the key file is used
 * as it is; without either, mfg_gen writes unencrypted images); {@code keyProtectHmac} with neither or both of
 * {@code kpHmacKeygen} and {@code kpHmacInputkey}; {@code kpHmacKeyfile} without {@code kpHmacKeygen}.
 */
public final class MfgOptions {

    /** Largest partition size: the image is one Java array. */
    static final long MAX_SIZE = 0x7FFF_F000L;

    /** Longest zero-padded {@code --prefix_num} counter accepted (file names are at most 255 bytes). */
    static final int MAX_PREFIX_NUM_LENGTH = 200;

    private final String prefix;
    private final long size;
    private final Long prefixNumStart;
    private final int prefixNumLength;
    private final String fileid;
    private final FormatVersion version;
    private final boolean keygen;
    private final Path inputkey;
    private final Path outdir;
    private final boolean keyProtectHmac;
    private final boolean kpHmacKeygen;
    private final String kpHmacKeyfile;
    private final Path kpHmacInputkey;
    private final int threads;
    private final Path baseDirectory;

    private MfgOptions(Builder b) {
        this.prefix = b.prefix;
        this.size = b.size;
        this.prefixNumStart = b.prefixNumStart;
        this.prefixNumLength = b.prefixNumLength;
        this.fileid = b.fileid;
        this.version = b.version;
        this.keygen = b.keygen;
        this.inputkey = b.inputkey;
        this.outdir = b.outdir;
        this.keyProtectHmac = b.keyProtectHmac;
        this.kpHmacKeygen = b.kpHmacKeygen;
        this.kpHmacKeyfile = b.kpHmacKeyfile;
        this.kpHmacInputkey = b.kpHmacInputkey;
        this.threads = b.threads;
        this.baseDirectory = b.baseDirectory;
    }

    /**
     * Starts options with the two required arguments.
     *
     * @param prefix {@code PREFIX}: output files are named {@code PREFIX-ID.bin} etc.
     * @param size {@code SIZE}: the partition size in bytes, a multiple of 4096 (0x1000 and 0x2000 give read-only
     *             images, as with {@code generate})
     * @return a builder
     */
    public static Builder builder(String prefix, long size) {
        return new Builder(prefix, size);
    }

    /** @return {@code PREFIX} */
    public String prefix() {
        return prefix;
    }

    /** @return {@code SIZE} in bytes */
    public long size() {
        return size;
    }

    /** @return {@code START} of {@code --prefix_num}, if given */
    public OptionalLong prefixNumStart() {
        return prefixNumStart == null ? OptionalLong.empty() : OptionalLong.of(prefixNumStart);
    }

    /** @return {@code LEN} of {@code --prefix_num} (the zero-padded width), 0 when not given */
    public int prefixNumLength() {
        return prefixNumLength;
    }

    /** @return {@code --fileid}: the values-file column whose value names each device's files, if given */
    public Optional<String> fileid() {
        return Optional.ofNullable(fileid);
    }

    /** @return {@code --version} */
    public FormatVersion version() {
        return version;
    }

    /** @return {@code --keygen}: a new random encryption key per device */
    public boolean keygen() {
        return keygen;
    }

    /** @return {@code --inputkey}: one key file for every device, if given */
    public Optional<Path> inputkey() {
        return Optional.ofNullable(inputkey);
    }

    /** @return {@code --outdir} */
    public Path outdir() {
        return outdir;
    }

    /** @return {@code --key_protect_hmac}: derive the encryption keys from an HMAC key */
    public boolean keyProtectHmac() {
        return keyProtectHmac;
    }

    /** @return {@code --kp_hmac_keygen}: a new random HMAC key per device */
    public boolean kpHmacKeygen() {
        return kpHmacKeygen;
    }

    /** @return {@code --kp_hmac_keyfile}: the name of the generated HMAC key file, if given */
    public Optional<String> kpHmacKeyfile() {
        return Optional.ofNullable(kpHmacKeyfile);
    }

    /** @return {@code --kp_hmac_inputkey}: the HMAC key file for every device, if given */
    public Optional<Path> kpHmacInputkey() {
        return Optional.ofNullable(kpHmacInputkey);
    }

    /** @return {@code --threads}: the number of devices built and written at the same time */
    public int threads() {
        return threads;
    }

    /** @return the folder relative paths in {@code file} rows are resolved against */
    public Path baseDirectory() {
        return baseDirectory;
    }

    /** @return whether the images are encrypted ({@code keygen} or {@code inputkey}) */
    public boolean encrypted() {
        return keygen || inputkey != null;
    }

    @Override
    public String toString() {
        return "MfgOptions[prefix=" + prefix + ", size=0x" + Long.toHexString(size)
                + (prefixNumStart == null ? "" : ", prefixNum=" + prefixNumStart + "/" + prefixNumLength)
                + (fileid == null ? "" : ", fileid=" + fileid) + ", version=" + version
                + (keygen ? ", keygen" : "") + (inputkey == null ? "" : ", inputkey=" + inputkey)
                + ", outdir=" + outdir + (keyProtectHmac ? ", keyProtectHmac" : "")
                + (kpHmacKeygen ? ", kpHmacKeygen" : "") + (kpHmacKeyfile == null ? "" : ", kpHmacKeyfile="
                + kpHmacKeyfile) + (kpHmacInputkey == null ? "" : ", kpHmacInputkey=" + kpHmacInputkey)
                + ", threads=" + threads + "]";
    }

    /** Builds {@link MfgOptions}. Not thread-safe. */
    public static final class Builder {
        private final String prefix;
        private final long size;
        private Long prefixNumStart;
        private int prefixNumLength;
        private String fileid;
        private FormatVersion version = FormatVersion.V2;
        private boolean keygen;
        private Path inputkey;
        private Path outdir = Path.of("");
        private boolean keyProtectHmac;
        private boolean kpHmacKeygen;
        private String kpHmacKeyfile;
        private Path kpHmacInputkey;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Path baseDirectory = Path.of("");

        private Builder(String prefix, long size) {
            this.prefix = Objects.requireNonNull(prefix, "prefix");
            this.size = size;
        }

        /**
         * {@code --prefix_num START LEN}: file names become {@code PREFIX-NNN-ID}, where {@code NNN} is
         * {@code START} for the first device, incremented per device, zero-padded to {@code LEN} digits.
         *
         * @param start the first number
         * @param length the minimum number of digits (0 to 200)
         * @return this builder
         */
        public Builder prefixNum(long start, int length) {
            this.prefixNumStart = start;
            this.prefixNumLength = length;
            return this;
        }

        /**
         * {@code --fileid KEY}: name each device's files after its value in column {@code KEY} of the values file,
         * instead of the device number.
         *
         * @param column a column of the values file, or {@code null} for the device number
         * @return this builder
         */
        public Builder fileid(String column) {
            this.fileid = column;
            return this;
        }

        /**
         * {@code --version}.
         *
         * @param formatVersion the NVS format version of the images
         * @return this builder
         */
        public Builder version(FormatVersion formatVersion) {
            this.version = Objects.requireNonNull(formatVersion, "version");
            return this;
        }

        /**
         * {@code --keygen}: encrypt every image with a new random key, written to
         * {@code OUTDIR/keys/keys-NAME.bin}.
         *
         * @param on whether to generate keys
         * @return this builder
         */
        public Builder keygen(boolean on) {
            this.keygen = on;
            return this;
        }

        /**
         * {@code --inputkey FILE}: encrypt every image with the key in this key file.
         *
         * @param keyFile the key file, or {@code null}
         * @return this builder
         */
        public Builder inputkey(Path keyFile) {
            this.inputkey = keyFile;
            return this;
        }

        /**
         * {@code --outdir DIR}: where the {@code bin/}, {@code csv/} and {@code keys/} folders go (created when
         * missing).
         *
         * @param dir the output folder
         * @return this builder
         */
        public Builder outdir(Path dir) {
            this.outdir = Objects.requireNonNull(dir, "outdir");
            return this;
        }

        /**
         * {@code --key_protect_hmac}: with {@code keygen}, derive each device's encryption keys from an HMAC key
         * (the device derives the same keys from its eFuse HMAC key).
         *
         * @param on whether to use the HMAC scheme
         * @return this builder
         */
        public Builder keyProtectHmac(boolean on) {
            this.keyProtectHmac = on;
            return this;
        }

        /**
         * {@code --kp_hmac_keygen}: a new random HMAC key per device, written to
         * {@code OUTDIR/keys/hmac-keys-NAME.bin}.
         *
         * @param on whether to generate HMAC keys
         * @return this builder
         */
        public Builder kpHmacKeygen(boolean on) {
            this.kpHmacKeygen = on;
            return this;
        }

        /**
         * {@code --kp_hmac_keyfile FILE}: the name of the generated HMAC key file, below {@code OUTDIR/keys/}
         * ({@code .bin} is added when the name has no extension). One name for every device, so only accepted
         * when the values file has a single device.
         *
         * @param fileName the file name, or {@code null}
         * @return this builder
         */
        public Builder kpHmacKeyfile(String fileName) {
            this.kpHmacKeyfile = fileName;
            return this;
        }

        /**
         * {@code --kp_hmac_inputkey FILE}: derive every device's keys from the HMAC key in this file.
         *
         * @param hmacKeyFile the HMAC key file, or {@code null}
         * @return this builder
         */
        public Builder kpHmacInputkey(Path hmacKeyFile) {
            this.kpHmacInputkey = hmacKeyFile;
            return this;
        }

        /**
         * {@code --threads N}: how many devices are built and written at the same time.
         *
         * @param count at least 1
         * @return this builder
         */
        public Builder threads(int count) {
            this.threads = count;
            return this;
        }

        /**
         * The folder that relative paths in {@code file} rows are resolved against ({@code mfg_gen.py} uses the
         * working directory).
         *
         * @param dir the folder
         * @return this builder
         */
        public Builder baseDirectory(Path dir) {
            this.baseDirectory = Objects.requireNonNull(dir, "baseDirectory");
            return this;
        }

        /**
         * Checks the options and their combinations.
         *
         * @return the options
         * @throws NvsInputException naming the option at fault
         */
        public MfgOptions build() {
            checkFileNamePart(prefix, "PREFIX");
            if (size < 0x1000 || size % 0x1000 != 0 || size > MAX_SIZE) {
                throw new NvsInputException("SIZE 0x" + Long.toHexString(size) + " (" + size + ") is not a valid"
                        + " partition size: it must be a multiple of 4096 (0x1000), at least 0x1000 (0x3000 for a"
                        + " read/write partition) and at most 0x" + Long.toHexString(MAX_SIZE));
            }
            if (prefixNumStart != null && (prefixNumLength < 0 || prefixNumLength > MAX_PREFIX_NUM_LENGTH)) {
                throw new NvsInputException("--prefix_num LEN " + prefixNumLength + " is not a valid number of"
                        + " digits: accepted are 0 to " + MAX_PREFIX_NUM_LENGTH);
            }
            if (threads < 1) {
                throw new NvsInputException("--threads " + threads + " is not valid: at least 1 thread is needed");
            }
            checkEncryption();
            return new MfgOptions(this);
        }

        private void checkEncryption() {
            if (keygen && inputkey != null) {
                throw new NvsInputException("--keygen and --inputkey cannot be used together: --keygen makes a new"
                        + " key per device, --inputkey uses one key file for all");
            }
            if (!keyProtectHmac) {
                String hmacOption = kpHmacKeygen ? "--kp_hmac_keygen"
                        : kpHmacKeyfile != null ? "--kp_hmac_keyfile"
                        : kpHmacInputkey != null ? "--kp_hmac_inputkey" : null;
                if (hmacOption != null) {
                    throw new NvsInputException(hmacOption + " needs --key_protect_hmac (mfg_gen.py ignores it"
                            + " without)");
                }
                return;
            }
            if (inputkey != null) {
                throw new NvsInputException("--key_protect_hmac has no effect with --inputkey: the key file is used"
                        + " as it is (mfg_gen.py ignores the HMAC options); use --keygen with --kp_hmac_inputkey to"
                        + " derive the keys from an HMAC key");
            }
            if (!keygen) {
                throw new NvsInputException("--key_protect_hmac needs --keygen: without --keygen or --inputkey"
                        + " mfg_gen.py writes unencrypted images and ignores the HMAC options");
            }
            if (kpHmacKeygen == (kpHmacInputkey != null)) {
                throw new NvsInputException(kpHmacKeygen
                        ? "--kp_hmac_keygen and --kp_hmac_inputkey cannot be used together: give one"
                        : "--key_protect_hmac needs the HMAC key: give --kp_hmac_keygen (a new HMAC key per device)"
                        + " or --kp_hmac_inputkey FILE (one HMAC key for all devices)");
            }
            if (kpHmacKeyfile != null) {
                if (!kpHmacKeygen) {
                    throw new NvsInputException("--kp_hmac_keyfile names the file of a generated HMAC key, so it"
                            + " needs --kp_hmac_keygen");
                }
                OutputNames.checkHmacKeyfileName(kpHmacKeyfile);
            }
        }

        private static void checkFileNamePart(String text, String what) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '/' || c == '\\' || c == '\0') {
                    throw new NvsInputException(what + " '" + text + "' contains '" + (c == 0 ? "\\0" : c)
                            + "': it becomes part of file names, which must stay inside their folder");
                }
            }
        }
    }
}
