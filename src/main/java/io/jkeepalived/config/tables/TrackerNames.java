package io.jkeepalived.config.tables;

import io.jkeepalived.config.parse.ParseContext;
import java.util.HashSet;
import java.util.Set;

/**
 * Tracker blocks defined so far in this load, which FILE_CHECK ({@code track_file NAME}) and BFD_CHECK
 * ({@code name NAME}) refer to. keepalived resolves these when the checker is read, so a tracker must be
 * defined earlier in the file. The blocks' own tables (track_file, bfd_instance) declare their names here.
 */
public final class TrackerNames {
    private TrackerNames() {}

    private static final Object TRACK_FILES = new Object();
    private static final Object BFDS = new Object();

    public static void declareTrackFile(ParseContext ctx, String name) {
        ctx.<Set<String>>scratch(TRACK_FILES, HashSet::new).add(name);
    }

    public static boolean hasTrackFile(ParseContext ctx, String name) {
        return ctx.<Set<String>>scratch(TRACK_FILES, HashSet::new).contains(name);
    }

    /** A bfd_instance the checker process tracks (keepalived's check_data->track_bfds). */
    public static void declareBfd(ParseContext ctx, String name) {
        ctx.<Set<String>>scratch(BFDS, HashSet::new).add(name);
    }

    public static boolean hasBfd(ParseContext ctx, String name) {
        return ctx.<Set<String>>scratch(BFDS, HashSet::new).contains(name);
    }
}
