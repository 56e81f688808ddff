package io.github.nvs4j.internal.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian reads and writes of the integer fields of the format. */
public final class Bytes {

    private static final VarHandle U16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle U32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle U64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Bytes() {
    }

    /** @param b bytes @param off offset @return the unsigned 16-bit value at {@code off} */
    public static int u16(byte[] b, int off) {
        return (short) U16.get(b, off) & 0xFFFF;
    }

    /** @param b bytes @param off offset @return the 32 bits at {@code off} */
    public static int u32(byte[] b, int off) {
        return (int) U32.get(b, off);
    }

    /** @param b bytes @param off offset @return the 64 bits at {@code off} */
    public static long u64(byte[] b, int off) {
        return (long) U64.get(b, off);
    }

    /** @param b bytes @param off offset @param v the low 16 bits are written */
    public static void putU16(byte[] b, int off, int v) {
        U16.set(b, off, (short) v);
    }

    /** @param b bytes @param off offset @param v the value */
    public static void putU32(byte[] b, int off, int v) {
        U32.set(b, off, v);
    }

    /** @param b bytes @param off offset @param v the value */
    public static void putU64(byte[] b, int off, long v) {
        U64.set(b, off, v);
    }
}
