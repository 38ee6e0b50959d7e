package io.jkeepalived.config.parse;

/**
 * A keyword's entry in its block's table: what it takes and what it means when absent.
 *
 * @param name       the keyword as written in keepalived.conf
 * @param minArgs    words required after the keyword (fewer is keepalived's fatal "missing a parameter")
 * @param maxArgs    words allowed after it ({@code Integer.MAX_VALUE} for open lists)
 * @param type       the value's type
 * @param range      the allowed values as keepalived.conf(5) gives them ("1..255", "MASTER|BACKUP"), or ""
 * @param defaultValue the value when the keyword is absent, or ""
 * @param since      the keepalived version that added the keyword ("" for anything up to 2.2.7)
 * @param replacedBy for deprecated keywords, what replaces them ("" otherwise)
 */
public record KeywordInfo(String name, int minArgs, int maxArgs, ValueType type, String range,
                          String defaultValue, String since, String replacedBy) {

    public static KeywordInfo of(String name, int minArgs, int maxArgs, ValueType type) {
        return new KeywordInfo(name, minArgs, maxArgs, type, "", "", "", "");
    }

    public KeywordInfo range(String r) {
        return new KeywordInfo(name, minArgs, maxArgs, type, r, defaultValue, since, replacedBy);
    }

    public KeywordInfo defaultValue(String d) {
        return new KeywordInfo(name, minArgs, maxArgs, type, range, d, since, replacedBy);
    }

    public KeywordInfo since(String v) {
        return new KeywordInfo(name, minArgs, maxArgs, type, range, defaultValue, v, replacedBy);
    }

    public KeywordInfo replacedBy(String k) {
        return new KeywordInfo(name, minArgs, maxArgs, type, range, defaultValue, since, k);
    }

    /** Added after keepalived 2.2.7: accepted by jkeepalived, unknown to 2.2.7. */
    public boolean newerThan227() {
        return !since.isEmpty();
    }
}
