package io.jkeepalived.daemon.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The command-line grammar of glibc's getopt_long as keepalived 2.2.7 calls it (optstring starting with
 * ':', so getopt prints nothing and keepalived words the errors): short clusters ({@code -lnD}), a required
 * value attached or in the next word even when that word starts with '-' ({@code -ffile}, {@code -f file},
 * {@code --use-file=file}, {@code --use-file file}), optional values only attached ({@code -tFILE},
 * {@code --config-test=FILE}), unambiguous prefixes of long names ({@code --vers}), GNU permutation
 * (non-options anywhere, collected), {@code --} ending the options. Pure: returns the events in order.
 */
public final class Getopt {
    private Getopt() {}

    /** One thing getopt_long returned, in order. */
    public sealed interface Event {}

    /** An option, with its value (null when none was given). {@code asLong}: written as {@code --name}. */
    public record Parsed(Opt opt, String value, boolean asLong) implements Event {}

    /** A word keepalived rejects; {@code message} is keepalived's stderr line. */
    public record Bad(String message) implements Event {}

    /** Everything getopt_long found, in order, and the words that were not options. */
    public record Result(List<Event> events, List<String> nonOptions) {}

    public static Result parse(String[] argv) {
        List<Event> events = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        int i = 0;
        while (i < argv.length) {
            String word = argv[i++];
            if (word.equals("--")) {
                while (i < argv.length) rest.add(argv[i++]);
                break;
            }
            if (word.length() < 2 || word.charAt(0) != '-') {
                rest.add(word);
            } else if (word.startsWith("--")) {
                i = longOption(argv, i, word, events);
            } else {
                i = shortCluster(argv, i, word, events);
            }
        }
        return new Result(List.copyOf(events), List.copyOf(rest));
    }

    private static int shortCluster(String[] argv, int next, String word, List<Event> events) {
        for (int k = 1; k < word.length(); k++) {
            char c = word.charAt(k);
            Opt opt = c == ':' ? null : Opt.ofShort(c);
            if (opt == null) {
                events.add(new Bad("Unknown option -" + c));
                continue;
            }
            String attached = k + 1 < word.length() ? word.substring(k + 1) : null;
            switch (opt.arg) {
                case NONE -> events.add(new Parsed(opt, null, false));
                case OPTIONAL -> {
                    events.add(new Parsed(opt, attached, false));
                    return next;
                }
                case REQUIRED -> {
                    if (attached != null) {
                        events.add(new Parsed(opt, attached, false));
                    } else if (next < argv.length) {
                        events.add(new Parsed(opt, argv[next++], false));
                    } else {
                        events.add(new Bad("Missing parameter for option -" + c));
                    }
                    return next;
                }
            }
        }
        return next;
    }

    private static int longOption(String[] argv, int next, String word, List<Event> events) {
        String body = word.substring(2);
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        String value = eq < 0 ? null : body.substring(eq + 1);
        Opt opt = match(name);
        if (opt == null) {
            events.add(new Bad("Unknown option " + word));
            return next;
        }
        switch (opt.arg) {
            case NONE -> events.add(value == null ? new Parsed(opt, null, true) : new Bad("Unknown option " + word));
            case OPTIONAL -> events.add(new Parsed(opt, value, true));
            case REQUIRED -> {
                if (value == null && next < argv.length) value = argv[next++];
                // keepalived refuses an empty value of a long option (--use-file=)
                events.add(value == null || value.isEmpty()
                        ? new Bad("Missing parameter for option --" + opt.longName)
                        : new Parsed(opt, value, true));
            }
        }
        return next;
    }

    /** Exact name, else the single option the name abbreviates; null when none or ambiguous. */
    static Opt match(String name) {
        if (name.isEmpty()) return null;
        for (Opt o : Opt.values()) {
            if (o.longName.equals(name)) return o;
        }
        Opt found = null;
        for (Opt o : Opt.values()) {
            if (o.longName.startsWith(name)) {
                if (found != null) return null;
                found = o;
            }
        }
        return found;
    }
}
