package io.jkeepalived.net.frame;

/** Network-order writes into byte arrays. */
final class Bytes {
    private Bytes() {
    }

    static void putShort(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 8);
        out[at + 1] = (byte) value;
    }

    static int getShort(byte[] in, int at) {
        return ((in[at] & 0xff) << 8) | (in[at + 1] & 0xff);
    }
}
