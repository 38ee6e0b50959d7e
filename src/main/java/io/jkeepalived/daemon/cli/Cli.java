package io.jkeepalived.daemon.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Acts on getopt's events the way keepalived 2.2.7's parse_cmdline does: in order, with -v, -h, --signum
 * and -T ending the run where they stand; unknown options and missing values reported one per line and
 * then exit 1; stray words reported on stdout and otherwise ignored. Pure: the caller prints and exits.
 */
public final class Cli {
    private Cli() {}

    /** What to do after the command line was read. */
    public sealed interface Outcome {
        /** Text already due on stdout and stderr (keepalived's warnings while parsing). */
        String out();

        String err();
    }

    /** Print and exit with {@code code}. */
    public record Exit(int code, String out, String err) implements Outcome {}

    /**
     * Go on with these options. {@code badArgument}: keepalived counted a configuration error while
     * reading the command line (an invalid {@code -S}), which raises the {@code -t} status.
     */
    public record Run(Options options, boolean badArgument, String out, String err) implements Outcome {}

    public static Outcome interpret(String[] argv, String argv0) {
        Getopt.Result parsed = Getopt.parse(argv);
        StringBuilder err = new StringBuilder();
        StringBuilder out = new StringBuilder();
        Set<Opt> given = EnumSet.noneOf(Opt.class);
        Map<Opt, String> values = new EnumMap<>(Opt.class);
        int detail = 0;
        int facility = Options.LOG_DAEMON;
        Integer umask = null;
        boolean bad = false;
        boolean badArgument = false;
        boolean first = true;
        for (Getopt.Event e : parsed.events()) {
            if (e instanceof Getopt.Bad b) {
                err.append(b.message()).append('\n');
                bad = true;
                first = false;
                continue;
            }
            Getopt.Parsed p = (Getopt.Parsed) e;
            switch (p.opt()) {
                case VERSION -> {
                    return new Exit(0, out.toString(), err + VersionText.block());
                }
                case HELP -> {
                    return new Exit(0, out.toString(), err + Usage.text(argv0));
                }
                case SIGNUM -> {
                    SignalFunction f = SignalFunction.named(p.value());
                    if (f == null) return new Exit(1, out.toString(), err + "Unknown sigfunc " + p.value() + "\n");
                    return new Exit(0, out.toString() + f.number + "\n", err.toString());
                }
                case GENHASH -> {
                    if (!first) {
                        err.append("Warning -- `").append(p.asLong() ? "genhash" : "-T")
                           .append("` not used as first option, previous options ignored\n");
                    }
                    return new Exit(1, out.toString(), err + "genhash: not implemented yet in jkeepalived\n");
                }
                case LOG_DETAIL -> detail++;
                case LOG_FACILITY -> {
                    Integer f = facility(p.value(), err);
                    if (f == null) {
                        err.append("Invalid log facility '").append(p.value()).append("'\n");
                        badArgument = true;
                    } else {
                        facility = f;
                    }
                }
                case UMASK -> {
                    Integer m = umask(p.value());
                    if (m == null) err.append("Invalid --umask option ").append(p.value()).append('\n');
                    else umask = m;
                }
                default -> { }
            }
            given.add(p.opt());
            if (p.value() != null) values.put(p.opt(), p.value());
            else if (p.opt().arg == Opt.Arg.OPTIONAL) values.remove(p.opt());
            first = false;
        }
        if (!parsed.nonOptions().isEmpty()) {
            out.append("Unexpected argument(s): ");
            for (String w : parsed.nonOptions()) out.append(w).append(' ');
            out.append('\n');
        }
        if (bad) return new Exit(1, out.toString(), err.toString());
        Options opts = new Options(given, values, detail, facility, umask, parsed.nonOptions());
        return new Run(opts, badArgument, out.toString(), err.toString());
    }

    /**
     * keepalived's -S: 0-7 or local0-7 (LOG_LOCAL0-7), user, daemon. A number outside 0-7 is also
     * reported as keepalived's read_unsigned does. Returns the facility code, or null when invalid.
     */
    static Integer facility(String v, StringBuilder err) {
        String digits = v.chars().allMatch(Character::isDigit) && !v.isEmpty() ? v
                : v.startsWith("local") && v.length() > 5 && v.substring(5).chars().allMatch(Character::isDigit)
                        ? v.substring(5) : null;
        if (digits != null) {
            long n = digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
            if (n <= 7) return 16 + (int) n;
            err.append("number '").append(digits).append("' outside range [0, 7]\n");
            return null;
        }
        if (v.equals("user")) return 1;
        if (v.equals("daemon")) return Options.LOG_DAEMON;
        return null;
    }

    /** strtoll(…, 0) as keepalived reads -u: decimal, 0-octal or 0x-hex, permission bits only. */
    static Integer umask(String v) {
        try {
            long n;
            if (v.startsWith("0x") || v.startsWith("0X")) n = Long.parseLong(v.substring(2), 16);
            else if (v.startsWith("0") && v.length() > 1) n = Long.parseLong(v.substring(1), 8);
            else n = Long.parseLong(v);
            if (n < 0 || (n & ~0777L) != 0) return null;
            return (int) n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Options accepted for compatibility that mean nothing in one JVM, with why; logged once at start. */
    public static List<String> ignoredNotes(Options o) {
        List<String> notes = new ArrayList<>();
        note(notes, o, Opt.DONT_RESPAWN, "there are no child processes to respawn");
        note(notes, o, Opt.CORE_DUMP, "core dumps are not produced by the JVM");
        note(notes, o, Opt.CORE_DUMP_PATTERN, "core dumps are not produced by the JVM");
        note(notes, o, Opt.NO_MEM_CHECK, "there is no malloc checking in the JVM");
        note(notes, o, Opt.SNMP, "SNMP is not supported");
        note(notes, o, Opt.SNMP_AGENT_SOCKET, "SNMP is not supported");
        note(notes, o, Opt.NO_BFD, "BFD is not supported");
        note(notes, o, Opt.BFD_PID, "BFD is not supported");
        note(notes, o, Opt.PERF, "perf data collection is not supported");
        note(notes, o, Opt.DEBUG, "keepalived's debug options do not apply");
        note(notes, o, Opt.CONFIG_FD, "it is internal to keepalived");
        return notes;
    }

    private static void note(List<String> notes, Options o, Opt opt, String why) {
        if (o.has(opt)) notes.add("Ignoring option " + opt.display() + ": " + why);
    }
}
