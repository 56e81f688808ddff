package io.github.nvs4j.check;

import io.github.nvs4j.internal.json.JsonText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The findings of one integrity check, in a stable order: by byte offset (findings about the whole image first),
 * then by code name; findings with the same offset and code keep the order in which they were found.
 *
 * @param pageCount the number of whole 4096-byte pages the image has
 * @param findings the findings, in the order described above (immutable)
 */
public record CheckReport(int pageCount, List<Finding> findings) {

    /** By offset, then code name (a class, not composed lambdas: no lambda linkage when the command line starts). */
    private static final Comparator<Finding> ORDER = new Comparator<>() {
        @Override
        public int compare(Finding a, Finding b) {
            int c = Long.compare(a.offset(), b.offset());
            return c != 0 ? c : a.code().name().compareTo(b.code().name());
        }
    };

    private static final int CODE_WIDTH = longestCodeName();

    /**
     * Sorts and freezes the findings.
     *
     * @param pageCount the number of whole pages
     * @param findings the findings in any order
     */
    public CheckReport {
        if (pageCount < 0) {
            throw new IllegalArgumentException("pageCount " + pageCount);
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(ORDER);
        findings = List.copyOf(sorted);
    }

    /** @return whether there is no finding at all */
    public boolean isClean() {
        return findings.isEmpty();
    }

    /** @return whether at least one finding is an {@link Severity#ERROR} */
    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /**
     * @param severity a severity
     * @return how many findings have it
     */
    public int count(Severity severity) {
        int n = 0;
        for (Finding f : findings) {
            if (f.severity() == severity) {
                n++;
            }
        }
        return n;
    }

    /**
     * @param code a code
     * @return the findings with that code, in report order
     */
    public List<Finding> withCode(FindingCode code) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.code() == code) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Returns the findings as text, one line per finding, for example
     * {@code error   ENTRY_CRC                page 0 entry 1 (0x0060) key 'a': entry header CRC is 0x9c167437 but the
     * entry hashes to 0x9c167436}. Severity and code are padded so that the locations line up. Empty when there is
     * no finding; every line ends with a newline.
     *
     * @return the text
     */
    public String toText() {
        StringBuilder sb = new StringBuilder(findings.size() * 120);
        for (Finding f : findings) {
            String label = f.severity().label();
            sb.append(label).append(" ".repeat(8 - label.length()));
            String code = f.code().name();
            sb.append(code).append(" ".repeat(CODE_WIDTH + 1 - code.length()));
            sb.append(f.location()).append(": ").append(f.message()).append('\n');
        }
        return sb.toString();
    }

    /**
     * Returns the findings as pretty JSON: {@code {"findings": [...]}}, each finding an object with the fields
     * {@code severity} ({@code "error"} or {@code "warning"}), {@code code}, {@code page}, {@code entry},
     * {@code offset}, {@code key} and {@code message}, absent parts as {@code null}. Two-space indentation, fields in
     * that order, a newline at the end.
     *
     * @return the JSON text
     */
    public String toJson() {
        if (findings.isEmpty()) {
            return "{\n  \"findings\": []\n}\n";
        }
        StringBuilder sb = new StringBuilder(64 + findings.size() * 220);
        sb.append("{\n  \"findings\": [\n");
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            sb.append("    {\n");
            sb.append("      \"severity\": \"").append(f.severity().label()).append("\",\n");
            sb.append("      \"code\": \"").append(f.code().name()).append("\",\n");
            sb.append("      \"page\": ").append(f.page() < 0 ? "null" : Integer.toString(f.page())).append(",\n");
            sb.append("      \"entry\": ").append(f.entry() < 0 ? "null" : Integer.toString(f.entry())).append(",\n");
            sb.append("      \"offset\": ").append(f.offset() < 0 ? "null" : Long.toString(f.offset())).append(",\n");
            sb.append("      \"key\": ");
            if (f.key() == null) {
                sb.append("null");
            } else {
                JsonText.appendString(sb, f.key(), JsonText.Style.DEVICE);
            }
            sb.append(",\n      \"message\": ");
            JsonText.appendString(sb, f.message(), JsonText.Style.DEVICE);
            sb.append(i + 1 < findings.size() ? "\n    },\n" : "\n    }\n");
        }
        return sb.append("  ]\n}\n").toString();
    }

    private static int longestCodeName() {
        int max = 0;
        for (FindingCode c : FindingCode.values()) {
            max = Math.max(max, c.name().length());
        }
        return max;
    }
}
