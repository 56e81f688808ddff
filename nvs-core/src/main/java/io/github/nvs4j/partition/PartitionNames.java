package io.github.nvs4j.partition;

/**
 * The keywords of partition types and subtypes (spec §14.4), as gen_esp32part.py 1.5 prints them; a number without a
 * keyword is shown in decimal, as the tool does.
 */
final class PartitionNames {

    private static final String[] TYPES = {"app", "data", "bootloader", "partition_table"};
    private static final String[] BOOTLOADER_SUBTYPES = {"primary", "ota", "recovery"};
    private static final String[] TABLE_SUBTYPES = {"primary", "ota"};
    private static final String[] DATA_SUBTYPES = {"ota", "phy", "nvs", "coredump", "nvs_keys", "efuse", "undefined"};

    private PartitionNames() {
    }

    /** @param type a type byte @return its keyword, or the decimal number */
    static String type(int type) {
        return type < TYPES.length ? TYPES[type] : Integer.toString(type);
    }

    /** @param type a type byte @param subtype a subtype byte @return the subtype's keyword, or the decimal number */
    static String subtype(int type, int subtype) {
        String name = switch (type) {
            case Partition.TYPE_APP -> appSubtype(subtype);
            case Partition.TYPE_DATA -> dataSubtype(subtype);
            case Partition.TYPE_BOOTLOADER -> keyword(BOOTLOADER_SUBTYPES, subtype);
            case Partition.TYPE_PARTITION_TABLE -> keyword(TABLE_SUBTYPES, subtype);
            default -> null;
        };
        return name != null ? name : Integer.toString(subtype);
    }

    private static String keyword(String[] keywords, int value) {
        return value < keywords.length ? keywords[value] : null;
    }

    private static String appSubtype(int subtype) {
        if (subtype == 0x00) {
            return "factory";
        }
        if (subtype >= 0x10 && subtype <= 0x1F) {
            return "ota_" + (subtype - 0x10);
        }
        if (subtype == 0x20) {
            return "test";
        }
        if (subtype == 0x30 || subtype == 0x31) {
            return "tee_" + (subtype - 0x30);
        }
        return null;
    }

    private static String dataSubtype(int subtype) {
        String name = keyword(DATA_SUBTYPES, subtype);
        return name != null ? name : switch (subtype) {
            case 0x80 -> "esphttpd";
            case 0x81 -> "fat";
            case 0x82 -> "spiffs";
            case 0x83 -> "littlefs";
            case 0x90 -> "tee_ota";
            default -> null;
        };
    }
}
