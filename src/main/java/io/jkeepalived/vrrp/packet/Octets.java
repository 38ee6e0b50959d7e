package io.jkeepalived.vrrp.packet;

import java.nio.ByteBuffer;

/** Big-endian field access by absolute index, whatever the buffer's byte order. */
final class Octets {
    private Octets() {
    }

    static int u8(ByteBuffer b, int at) {
        return b.get(at) & 0xFF;
    }

    static int u16(ByteBuffer b, int at) {
        return (u8(b, at) << 8) | u8(b, at + 1);
    }

    static long u32(ByteBuffer b, int at) {
        return ((long) u16(b, at) << 16) | u16(b, at + 2);
    }

    static void put8(ByteBuffer b, int at, int v) {
        b.put(at, (byte) v);
    }

    static void put16(ByteBuffer b, int at, int v) {
        b.put(at, (byte) (v >>> 8));
        b.put(at + 1, (byte) v);
    }

    static void put32(ByteBuffer b, int at, long v) {
        put16(b, at, (int) (v >>> 16));
        put16(b, at + 2, (int) v);
    }

    static void putBytes(ByteBuffer b, int at, byte[] src) {
        for (int i = 0; i < src.length; i++) {
            b.put(at + i, src[i]);
        }
    }

    static void zero(ByteBuffer b, int at, int len) {
        for (int i = 0; i < len; i++) {
            b.put(at + i, (byte) 0);
        }
    }

    /** True when {@code len} bytes at {@code at} equal {@code expected[from..from+len)}. */
    static boolean equalsAt(ByteBuffer b, int at, byte[] expected, int from, int len) {
        for (int i = 0; i < len; i++) {
            if (b.get(at + i) != expected[from + i]) {
                return false;
            }
        }
        return true;
    }

    /** Compares every byte, so the time taken does not reveal where a password differs. */
    static boolean equalsConstantTime(ByteBuffer b, int at, byte[] expected, int from, int len) {
        int diff = 0;
        for (int i = 0; i < len; i++) {
            diff |= b.get(at + i) ^ expected[from + i];
        }
        return diff == 0;
    }
}
