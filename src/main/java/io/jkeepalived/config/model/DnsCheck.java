package io.jkeepalived.config.model;

/** DNS_CHECK: a query of {@code type} for {@code name} ("" = the root) must get RCODE 0. */
public record DnsCheck(ConnectOptions connection, CheckTiming timing, Type type, String name, int line)
        implements Checker {
    /** The query types keepalived knows, with their RR type numbers. */
    public enum Type {
        A(1), NS(2), CNAME(5), SOA(6), MX(15), TXT(16), AAAA(28), RRSIG(46), DNSKEY(48);

        private final int code;

        Type(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    @Override
    public String keyword() {
        return "DNS_CHECK";
    }
}
