package io.github.nvs4j.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text that {@code nvs_tool.py IMAGE -d none -i --color never} printed (a case's
 * {@code expected-check.txt}) into the problems it reports: which kind, on which page (physical index, counted from
 * the page lines the tool prints in physical order, or the sequence number the duplicate table prints), which entry,
 * key and namespace. Every non-blank line must be understood, so that nothing the tool reports is overlooked.
 */
final class NvsToolFindings {

    /**
     * One problem reported by the tool.
     *
     * @param code the corresponding nvs4j code
     * @param page the physical page, or -1
     * @param sequence the page's sequence number where the tool names the page only by it, or -1
     * @param entry the entry index, or -1
     * @param key the key as the tool printed it, or {@code null}
     * @param namespace the namespace index the tool printed, or -1
     * @param line the line
     */
    record Problem(FindingCode code, int page, long sequence, int entry, String key, int namespace, String line) {
    }

    private static final Pattern PAGE_OK = Pattern.compile("Page no\\. (\\d+) \tCRC32: OK");
    private static final Pattern PAGE_CRC =
            Pattern.compile("Page no\\. (\\d+) Original CRC32: \\w+ Generated CRC32: \\w+");
    private static final Pattern WRITTEN_EMPTY =
            Pattern.compile(" Entry #(\\d{3}) is reported as Written but it is empty!");
    private static final Pattern ERASED_EMPTY =
            Pattern.compile(" Entry #(\\d{3}) is reported as Erased but it is empty!"
                    + " \\(Only entries reported as Empty should be empty\\)");
    private static final Pattern DATA_CRC =
            Pattern.compile(" Entry #(\\d{3}) (.*) data \\(string, blob\\) has wrong CRC32!"
                    + " Written: \\w+ Generated: \\w+");
    private static final Pattern ENTRY_CRC =
            Pattern.compile(" Entry #(\\d{3}) (.*) has wrong CRC32! +Written: \\w+ Generated: \\w+");
    private static final Pattern TYPE =
            Pattern.compile(" Type of entry #(\\d{3}) (.*) is unrecognized! Type: (0x[0-9a-f]{2})");
    private static final Pattern BOUNDS = Pattern.compile(" Variable length entry #(\\d{3}) (.*) is out of bounds!");
    private static final Pattern INCONSISTENT = Pattern.compile(
            " Inconsistent data state! Entry #(\\d{3}) (.*) state: \\w+, Data entry #(\\d{3}) (.*) state: \\w+");
    private static final Pattern DUPLICATE_ROW = Pattern.compile("#(\\d{3})\t(.*?)\t+(.+?)\t+(\\d+)\t+(\\d+)\t(\\w+)");
    private static final Pattern NO_INDEX = Pattern.compile(
            "Blob (.*) chunk has no blob index! Namespace index: (\\d{3}) \\[.*\\], Chunk Index: (\\d{3})");
    private static final Pattern MISSING_CHUNK =
            Pattern.compile("Blob (.*) is missing a chunk! Namespace index: (\\d{3}) \\[.*\\], Chunk Index: (\\d{3})");
    private static final Pattern MISSING_DATA =
            Pattern.compile("Blob (.*) is missing (\\d+) B of data! Namespace index: (\\d{3})");
    private static final Pattern UNDEFINED =
            Pattern.compile("Undefined namespace index! Namespace index: (\\d{3}) \\[undefined\\]");
    private static final Pattern UNUSED =
            Pattern.compile("Found unused namespace\\. Namespace index: (\\d{3}) \\[(.*)\\]");

    private NvsToolFindings() {
    }

    /**
     * @param text the tool's output
     * @return the problems, in the order printed
     */
    static List<Problem> parse(String text) {
        List<Problem> problems = new ArrayList<>();
        int page = -1;
        boolean inDuplicates = false;
        for (String line : text.split("\n", -1)) {
            Matcher m;
            if (line.isBlank()) {
                inDuplicates = false;
            } else if (line.startsWith("NVS Partition size must be at least 0x3000")) {
                problems.add(new Problem(FindingCode.PARTITION_TOO_SMALL, -1, -1, -1, null, -1, line));
            } else if (line.equals("No free (empty) page found in the NVS partition,")) {
                problems.add(new Problem(FindingCode.NO_FREE_PAGE, -1, -1, -1, null, -1, line));
            } else if (line.equals("at least one free page is required for proper function!")
                    || line.equals("NVS partition possibly truncated?")) {
                continue; // the rest of the no-free-page message
            } else if (PAGE_OK.matcher(line).matches() || line.equals("Page Empty")) {
                page++;
            } else if (PAGE_CRC.matcher(line).matches()) {
                page++;
                problems.add(new Problem(FindingCode.PAGE_HEADER_CRC, page, -1, -1, null, -1, line));
            } else if (line.equals("The page is reported as Empty but its entry state bitmap is not empty!")) {
                problems.add(new Problem(FindingCode.EMPTY_PAGE_BITMAP, page, -1, -1, null, -1, line));
            } else if (line.equals("The page is reported as Empty but there are data written!")) {
                problems.add(new Problem(FindingCode.EMPTY_PAGE_DATA, page, -1, -1, null, -1, line));
            } else if ((m = WRITTEN_EMPTY.matcher(line)).matches()) {
                problems.add(entry(FindingCode.WRITTEN_BUT_EMPTY, page, m.group(1), null, line));
            } else if ((m = ERASED_EMPTY.matcher(line)).matches()) {
                problems.add(entry(FindingCode.ERASED_BUT_EMPTY, page, m.group(1), null, line));
            } else if ((m = DATA_CRC.matcher(line)).matches()) {
                problems.add(entry(FindingCode.DATA_CRC, page, m.group(1), m.group(2), line));
            } else if ((m = ENTRY_CRC.matcher(line)).matches()) {
                problems.add(entry(FindingCode.ENTRY_CRC, page, m.group(1), m.group(2), line));
            } else if ((m = TYPE.matcher(line)).matches()) {
                boolean real = m.group(3).equals("0x24") || m.group(3).equals("0x28");
                problems.add(entry(real ? FindingCode.FLOAT_DOUBLE : FindingCode.UNKNOWN_TYPE, page, m.group(1),
                        m.group(2), line));
            } else if ((m = BOUNDS.matcher(line)).matches()) {
                problems.add(entry(FindingCode.SPAN_OUT_OF_PAGE, page, m.group(1), m.group(2), line));
            } else if ((m = INCONSISTENT.matcher(line)).matches()) {
                problems.add(entry(FindingCode.INCONSISTENT_DATA_STATE, page, m.group(1), m.group(2), line));
            } else if (line.equals("Found duplicate entries:")) {
                inDuplicates = true;
            } else if (inDuplicates && line.startsWith("Entry\tKey")) {
                continue; // table header
            } else if (inDuplicates && (m = DUPLICATE_ROW.matcher(line)).matches()) {
                problems.add(new Problem(FindingCode.DUPLICATE_KEY, -1, Long.parseLong(m.group(5)),
                        Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(4)), line));
            } else if ((m = NO_INDEX.matcher(line)).matches()) {
                problems.add(new Problem(FindingCode.BLOB_CHUNK_WITHOUT_INDEX, -1, -1, -1, m.group(1),
                        Integer.parseInt(m.group(2)), line));
            } else if ((m = MISSING_CHUNK.matcher(line)).matches()) {
                problems.add(new Problem(FindingCode.BLOB_MISSING_CHUNK, -1, -1, -1, m.group(1),
                        Integer.parseInt(m.group(2)), line));
            } else if ((m = MISSING_DATA.matcher(line)).matches()) {
                problems.add(new Problem(FindingCode.BLOB_MISSING_DATA, -1, -1, -1, m.group(1),
                        Integer.parseInt(m.group(3)), line));
            } else if ((m = UNDEFINED.matcher(line)).matches()) {
                problems.add(new Problem(FindingCode.UNDEFINED_NAMESPACE, -1, -1, -1, null,
                        Integer.parseInt(m.group(1)), line));
            } else if ((m = UNUSED.matcher(line)).matches()) {
                problems.add(new Problem(FindingCode.UNUSED_NAMESPACE, -1, -1, -1, m.group(2),
                        Integer.parseInt(m.group(1)), line));
            } else {
                throw new IllegalArgumentException("line not understood: '" + line + "'");
            }
        }
        return problems;
    }

    private static Problem entry(FindingCode code, int page, String entry, String key, String line) {
        return new Problem(code, page, -1, Integer.parseInt(entry), key, -1, line);
    }
}
