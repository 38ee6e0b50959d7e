package io.jkeepalived.check;

import io.jkeepalived.config.model.FileCheck;
import io.jkeepalived.config.model.TrackFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * FILE_CHECK (check_file.c, trackers/track_file.c): the number in a track_file, times the weight (negated with
 * {@code reverse}), is added to the real server's weight; with weight 0 a non-zero number puts the server down.
 * A value at or below IPVS_WEIGHT_FAULT (INT32_MIN) also puts it down. keepalived watches the files with
 * inotify; here they are read when {@link #poll} is called (each second by the runtime).
 */
final class FileChecks {
    static final long FAULT = Integer.MIN_VALUE;

    private record Tracker(CheckerState state, long weight, int multiplier) {}

    private static final class Tracked {
        final String path;
        final List<Tracker> trackers = new ArrayList<>();
        long last;

        Tracked(String path) {
            this.path = path;
        }
    }

    private final Map<String, Tracked> files = new HashMap<>();
    private final LvsPool pool;
    private final LvsEvents events;
    private final Function<String, OptionalLong> reader;

    /** @param reader a file's number (0 when missing or empty), empty when it is not a valid number */
    FileChecks(LvsPool pool, LvsEvents events, Function<String, OptionalLong> reader) {
        this.pool = pool;
        this.events = events;
        this.reader = reader;
    }

    /** check_file.c add_rs_to_track_files, then set_track_file_weights and set_track_file_checkers_down. */
    boolean add(FileCheck c, LvsPool.Rs rs, List<TrackFile> trackFiles) {
        TrackFile tf = trackFiles.stream().filter(t -> t.name().equals(c.trackFile())).findFirst().orElse(null);
        if (tf == null) return false;
        Tracked t = files.computeIfAbsent(tf.name(), n -> {
            Tracked x = new Tracked(tf.path());
            x.last = read(x.path).orElse(0);
            return x;
        });
        long weight = c.weight().isPresent() ? c.weight().getAsInt() : tf.weight();
        int mult = (c.weight().isPresent() ? c.reverse() : tf.reverse()) ? -1 : 1;
        CheckerState s = new CheckerState(rs, false);
        s.hasRun = true;
        t.trackers.add(new Tracker(s, weight, mult));
        if (t.last != 0) {
            if (weight != 0) s.curWeight = t.last * weight * mult;
            if (weight == 0 || t.last * weight * mult <= FAULT) pool.startDown(s);
            rs.effectiveWeight += s.curWeight;
        }
        return true;
    }

    private OptionalLong read(String path) {
        OptionalLong v = reader.apply(path);
        if (v.isPresent() && (v.getAsLong() < Integer.MIN_VALUE || v.getAsLong() > (long) Integer.MAX_VALUE + 1)) {
            events.log("Invalid number " + v.getAsLong() + " read from " + path + " - ignoring");
            return OptionalLong.empty();
        }
        return v;
    }

    /** Re-reads every file; a changed number updates the servers tracking it. */
    void poll() {
        for (Tracked t : files.values()) {
            OptionalLong v = read(t.path);
            if (v.isEmpty() || v.getAsLong() == t.last) continue;
            long now = v.getAsLong();
            for (Tracker k : t.trackers) update(k, status(k, t.last), status(k, now));
            t.last = now;
        }
    }

    private static long status(Tracker k, long value) {
        if (k.weight == 0) return (value != 0) == (k.multiplier == 1) ? FAULT : 0;
        return Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value * k.weight * k.multiplier));
    }

    /** track_file.c process_update_checker_track_file_status. */
    private void update(Tracker k, long previous, long now) {
        if (previous == now) return;
        CheckerState s = k.state;
        if (now == FAULT) {
            pool.updateCheckerState(s, false);
            s.rs.effectiveWeight -= s.curWeight;
            s.curWeight = 0;
        } else if (previous == FAULT) {
            s.curWeight = now;
            s.rs.effectiveWeight += now;
            pool.updateCheckerState(s, true);
        } else {
            pool.updateWeight(s.rs.effectiveWeight + now - previous, s.rs, true);
            s.curWeight = now;
        }
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    /** track_file.c process_track_file: up to 127 bytes, strtol base 0; missing or empty is 0. */
    static OptionalLong readNumber(String path) {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            String text = new String(in.readNBytes(127), StandardCharsets.US_ASCII);
            return OptionalLong.of(strtol(text));
        } catch (NoSuchFileException e) {
            return OptionalLong.of(0);
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.of(0);
        }
    }

    /** C's strtol(s, NULL, 0): leading space, a sign, 0x hex or 0 octal, digits up to the first other char. */
    static long strtol(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) neg = s.charAt(i++) == '-';
        int radix = 10;
        if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
            radix = 16;
            i += 2;
        } else if (s.startsWith("0", i)) {
            radix = 8;
        }
        long v = 0;
        for (; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), radix);
            if (d < 0) break;
            v = v * radix + d;
            if (v > (1L << 40)) break;
        }
        return neg ? -v : v;
    }
}
