package io.github.nvs4j.internal.crypto;

import io.github.nvs4j.NvsInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the beginning of a key file, never more than a fixed number of bytes, with errors a user understands. */
public final class KeyFileReader {

    private KeyFileReader() {
    }

    /**
     * @param file the file
     * @param limit the most bytes to read
     * @param what what the file is, for messages ({@code "key file"})
     * @return the first {@code min(limit, size)} bytes of the file
     * @throws NvsInputException naming the file when it is missing, a directory or unreadable
     */
    public static byte[] readHead(Path file, int limit, String what) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new NvsInputException("the " + what + " is a directory, not a file", source, 0, null, null);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(limit);
        } catch (NoSuchFileException e) {
            throw new NvsInputException("the " + what + " does not exist", source, 0, null, e);
        } catch (AccessDeniedException e) {
            throw new NvsInputException("the " + what + " cannot be read: permission denied", source, 0, null, e);
        } catch (IOException e) {
            throw new NvsInputException("the " + what + " cannot be read: " + e.getMessage(), source, 0, null, e);
        }
    }

    /**
     * @param bytes file content
     * @param length how many leading bytes to look at
     * @return whether those bytes are all ASCII hex digits or white space (a key written as text)
     */
    public static boolean looksLikeHexText(byte[] bytes, int length) {
        if (length == 0) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            int c = bytes[i];
            boolean hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (!hex && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return true;
    }
}
