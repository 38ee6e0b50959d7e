package io.jkeepalived.config.model;

/** A virtual server's L4 protocol; NONE for fwmark services (keepalived.conf(5): protocol). */
public enum Protocol {
    NONE("none"), TCP("tcp"), UDP("udp"), SCTP("sctp");

    private final String word;

    Protocol(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
