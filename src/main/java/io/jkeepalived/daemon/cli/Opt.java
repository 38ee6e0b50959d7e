package io.jkeepalived.daemon.cli;

/**
 * keepalived 2.2.7's command-line options (keepalived/core/main.c parse_cmdline), in its long-option
 * table's order, which getopt_long's abbreviation matching depends on. {@code shortName} is 0 for
 * long-only options.
 */
public enum Opt {
    USE_FILE('f', "use-file", Arg.REQUIRED),
    VRRP('P', "vrrp", Arg.NONE),
    CHECK('C', "check", Arg.NONE),
    NO_BFD('B', "no_bfd", Arg.NONE),
    ALL(0, "all", Arg.NONE),
    LOG_CONSOLE('l', "log-console", Arg.NONE),
    LOG_DETAIL('D', "log-detail", Arg.NONE),
    LOG_FACILITY('S', "log-facility", Arg.REQUIRED),
    LOG_FILE('g', "log-file", Arg.OPTIONAL),
    ALL_CONFIG('e', "all-config", Arg.NONE),
    FLUSH_LOG_FILE(0, "flush-log-file", Arg.NONE),
    NO_SYSLOG('G', "no-syslog", Arg.NONE),
    UMASK('u', "umask", Arg.REQUIRED),
    RELEASE_VIPS('X', "release-vips", Arg.NONE),
    DONT_RELEASE_VRRP('V', "dont-release-vrrp", Arg.NONE),
    DONT_RELEASE_IPVS('I', "dont-release-ipvs", Arg.NONE),
    DONT_RESPAWN('R', "dont-respawn", Arg.NONE),
    DONT_FORK('n', "dont-fork", Arg.NONE),
    DUMP_CONF('d', "dump-conf", Arg.NONE),
    PID('p', "pid", Arg.REQUIRED),
    VRRP_PID('r', "vrrp_pid", Arg.REQUIRED),
    GENHASH('T', "genhash", Arg.NONE),
    CHECKERS_PID('c', "checkers_pid", Arg.REQUIRED),
    ADDRESS_MONITORING('a', "address-monitoring", Arg.NONE),
    BFD_PID('b', "bfd_pid", Arg.REQUIRED),
    SNMP('x', "snmp", Arg.NONE),
    SNMP_AGENT_SOCKET('A', "snmp-agent-socket", Arg.REQUIRED),
    CORE_DUMP('m', "core-dump", Arg.NONE),
    CORE_DUMP_PATTERN('M', "core-dump-pattern", Arg.OPTIONAL),
    NO_MEM_CHECK(0, "no-mem-check", Arg.NONE),
    NAMESPACE('s', "namespace", Arg.REQUIRED),
    CONFIG_ID('i', "config-id", Arg.REQUIRED),
    SIGNUM(0, "signum", Arg.REQUIRED),
    CONFIG_TEST('t', "config-test", Arg.OPTIONAL),
    CONFIG_FD(0, "config-fd", Arg.REQUIRED),
    PERF(0, "perf", Arg.OPTIONAL),
    DEBUG(0, "debug", Arg.OPTIONAL),
    IGNORE_SIGINT(0, "ignore-sigint", Arg.NONE),
    VERSION('v', "version", Arg.NONE),
    HELP('h', "help", Arg.NONE);

    /** How an option takes its value; getopt_long's no_argument, required_argument, optional_argument. */
    public enum Arg { NONE, REQUIRED, OPTIONAL }

    public final char shortName;
    public final String longName;
    public final Arg arg;

    Opt(int shortName, String longName, Arg arg) {
        this.shortName = (char) shortName;
        this.longName = longName;
        this.arg = arg;
    }

    public static Opt ofShort(char c) {
        if (c == 0) return null;
        for (Opt o : values()) {
            if (o.shortName == c) return o;
        }
        return null;
    }

    /** How keepalived names this option in messages: {@code -f} when it has a short form, else {@code --signum}. */
    public String display() {
        return shortName != 0 ? "-" + shortName : "--" + longName;
    }
}
