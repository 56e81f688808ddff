package io.github.nvs4j.cli;

/** Entry point of {@code nvs.jar}. STUB. */
public final class Main {
    private Main() {
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.err.println("nvs: not implemented yet");
        System.exit(2);
    }
}
