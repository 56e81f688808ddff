/** NVS encryption: XTS-AES-256 per entry, key files and the HMAC-based key derivation. */
package io.github.nvs4j.crypto;
