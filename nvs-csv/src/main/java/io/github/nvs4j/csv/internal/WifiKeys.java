package io.github.nvs4j.csv.internal;

import io.github.nvs4j.model.NvsValue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The generator's Wi-Fi special keys (0.1.9+, spec §8.6), kept exactly as the generator has them. One instance
 * follows one run (all input files), because the generator keeps this state across files:
 * <ul>
 *   <li>{@code sta.ssid} / {@code sta.pswd}: the first time either appears, three blobs follow it in the same
 *       namespace: {@code sta.apinfo} = 140 × {@code 0xFF}, {@code sta.pmk} = 32 × {@code 0x00},
 *       {@code sta.apsw} = {@code 00 00}. For these keys a {@code file} row stores its path text; the file is not
 *       read.</li>
 *   <li>{@code ap.ssid}, {@code ap.passwd}, {@code ap.authmode}: their raw CSV values are remembered (an authmode
 *       of exactly {@code 0} is not); whenever one of them appears while all three are known, a blob
 *       {@code ap.pmk_info} = 100 × {@code 0x00} ‖ PBKDF2-HMAC-SHA1(password, ssid, 4096, 32) comes
 *       <em>before</em> that row.</li>
 * </ul>
 * The special handling applies to {@code data} and {@code file} rows.
 */
public final class WifiKeys {

    /** A key and value that the generator adds by itself. @param key the key @param value the value */
    public record Extra(String key, NvsValue value) {
    }

    /** The key that makes the generator add {@code ap.pmk_info}. */
    public static final String AP_PMK_INFO = "ap.pmk_info";

    private static final List<String> STA_KEYS = List.of("sta.ssid", "sta.pswd");
    private static final List<String> AP_KEYS = List.of("ap.ssid", "ap.passwd", "ap.authmode");

    private boolean staExtrasWritten;
    private String apSsid;
    private String apPassword;
    private String apAuthmode;

    /**
     * @return a copy of this state, for looking ahead without changing it
     */
    public WifiKeys copy() {
        WifiKeys c = new WifiKeys();
        c.staExtrasWritten = staExtrasWritten;
        c.apSsid = apSsid;
        c.apPassword = apPassword;
        c.apAuthmode = apAuthmode;
        return c;
    }

    /** @return whether the {@code sta.*} blobs have been added already (they are added once per run) */
    public boolean staExtrasWritten() {
        return staExtrasWritten;
    }

    /**
     * @param key a key
     * @return whether the key is one of the {@code sta.*} blobs the generator adds after {@code sta.ssid}
     */
    public static boolean isStaExtra(String key) {
        return key.equals("sta.apinfo") || key.equals("sta.pmk") || key.equals("sta.apsw");
    }

    /**
     * @param key a key
     * @return whether a data row with this key makes the generator add the {@code sta.*} blobs (the first time)
     */
    public static boolean isStaTrigger(String key) {
        return STA_KEYS.contains(key);
    }

    /**
     * @param key a row's key
     * @return whether a {@code file} row with this key stores its path text instead of reading the file
     */
    public static boolean storesPathText(String key) {
        return STA_KEYS.contains(key);
    }

    /**
     * @param key a key
     * @return whether the key takes part in the generator's Wi-Fi handling, as a trigger or as an added key
     */
    public static boolean isSpecial(String key) {
        return STA_KEYS.contains(key) || AP_KEYS.contains(key) || key.equals(AP_PMK_INFO) || isStaExtra(key);
    }

    /**
     * Notes a data or file row that is about to be stored and returns what the generator stores before it.
     *
     * @param key      the row's key
     * @param rawValue the row's value column as written (a path for {@code file} rows)
     * @return the entries to store before the row: {@code ap.pmk_info}, or nothing
     */
    public List<Extra> before(String key, String rawValue) {
        if (!AP_KEYS.contains(key)) {
            return List.of();
        }
        switch (key) {
            case "ap.ssid" -> apSsid = rawValue;
            case "ap.passwd" -> apPassword = rawValue;
            default -> {
                if (!rawValue.equals("0")) {
                    apAuthmode = rawValue;
                }
            }
        }
        if (isSet(apSsid) && isSet(apPassword) && isSet(apAuthmode)) {
            byte[] info = new byte[100 + 32];
            System.arraycopy(pmk(apPassword, apSsid), 0, info, 100, 32);
            return List.of(new Extra(AP_PMK_INFO, NvsValue.Blob.of(info)));
        }
        return List.of();
    }

    /**
     * Notes that a data or file row was stored and returns what the generator stores after it.
     *
     * @param key the row's key
     * @return the entries to store after the row: the three {@code sta.*} blobs the first time, or nothing
     */
    public List<Extra> after(String key) {
        if (!STA_KEYS.contains(key) || staExtrasWritten) {
            return List.of();
        }
        staExtrasWritten = true;
        byte[] apinfo = new byte[140];
        Arrays.fill(apinfo, (byte) 0xFF);
        return List.of(new Extra("sta.apinfo", NvsValue.Blob.of(apinfo)),
                new Extra("sta.pmk", NvsValue.Blob.of(new byte[32])),
                new Extra("sta.apsw", NvsValue.Blob.of(new byte[2])));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }

    /** The WPA pairwise master key: PBKDF2-HMAC-SHA1 over the UTF-8 password and SSID, 4096 rounds, 32 bytes. */
    static byte[] pmk(String password, String ssid) {
        try {
            SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1");
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), ssid.getBytes(StandardCharsets.UTF_8), 4096,
                    256);
            try {
                return factory.generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA1 is not available in this Java runtime", e);
        }
    }
}
