package io.github.nvs4j.csv.internal;

/**
 * Which physical lines a tool removes from its CSV input before the CSV syntax sees it. The rule works on physical
 * lines (after universal newlines), so it applies inside quoted multi-line values too, as in the Python tools.
 */
public enum DroppedLines {

    /** {@code nvs_partition_gen.py}: every line whose first character is {@code #} (spec §8.1). */
    COMMENTS {
        @Override
        public boolean drops(CharSequence text, int start, int end) {
            return start < end && text.charAt(start) == '#';
        }
    },

    /**
     * {@code mfg_gen.py}: every line made only of whitespace, as Python's {@code str.isspace()} sees the line with its
     * line end (an empty line included; Unicode spaces such as U+00A0 and U+3000 count).
     */
    BLANK {
        @Override
        public boolean drops(CharSequence text, int start, int end) {
            for (int i = start; i < end; i++) {
                if (!PythonWhitespace.isTextSpace(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    };

    /**
     * @param text  text holding the line
     * @param start the index of the line's first character
     * @param end   the index after its last character, line end excluded
     * @return whether the line is removed
     */
    public abstract boolean drops(CharSequence text, int start, int end);
}
