package io.jkeepalived.config.parse;

/** What a keyword's value is, for the keyword table, {@code -d} dumps and "did you mean" help. */
public enum ValueType {
    NONE,        // a flag: the keyword alone
    BOOL,        // [on|off|true|false|yes|no], alone means true
    INT,
    UNSIGNED,
    TIMER,       // decimal seconds, microsecond resolution
    DECIMAL,     // decimal number with a fixed number of fractional digits
    STRING,
    ENUM,
    IP,
    IP_PREFIX,
    INTERFACE,
    SCRIPT,      // a command line with keepalived's quoting, then [user [group]]
    PATH,
    WORDS,       // several words with their own grammar
    BLOCK,       // a block of keywords
    LINES        // a block of value lines (virtual_ipaddress, unicast_peer, ...)
}
