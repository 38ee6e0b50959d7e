package io.jkeepalived.vrrp.runtime;

import io.jkeepalived.config.model.TrackFile;
import io.jkeepalived.vrrp.track.FileValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The track_files in use (keepalived's trackers/track_file.c): each file's directory is watched (the JDK's
 * WatchService is inotify on Linux, as keepalived's is), and a file written, moved in or removed is read
 * again at once and handed to the loop as {@link TrackerMessage.FileRead}. inotify reports writes as they
 * happen rather than at close as keepalived's IN_CLOSE_WRITE does, so a burst of events is read once it has
 * been quiet for {@value #SETTLE_MILLIS} ms: a writer's truncate-then-write is never seen half done.
 */
final class FileTrackers {
    private static final Logger log = LoggerFactory.getLogger(FileTrackers.class);
    static final long SETTLE_MILLIS = 20;

    private final List<TrackFile> files = new ArrayList<>();
    private final List<Path> paths = new ArrayList<>();
    private final Map<String, Integer> byName = new HashMap<>();
    private final Consumer<TrackerMessage> inbox;
    private long[] values = new long[0];
    private WatchService watcher;
    private Thread thread;
    private volatile boolean stopping;

    FileTrackers(List<TrackFile> used, Consumer<TrackerMessage> inbox) {
        this.inbox = inbox;
        for (TrackFile f : used) {
            if (f.path() == null || byName.containsKey(f.name())) continue;
            byName.put(f.name(), files.size());
            files.add(f);
            paths.add(Path.of(f.path()).toAbsolutePath().normalize());
        }
        values = new long[files.size()];
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    String name(int index) {
        return files.get(index).name();
    }

    long value(String name) {
        Integer i = byName.get(name);
        return i == null ? 0 : values[i];
    }

    /** init_file, the first read, and the watch thread. Called on the loop thread before the instances start. */
    void start() {
        Map<Path, List<Integer>> byDir = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            TrackFile f = files.get(i);
            Path p = paths.get(i);
            initialise(f, p);
            Path dir = p.getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                log.info("Track file directory for {} does not exist - removing", f.name());
                continue;
            }
            byDir.computeIfAbsent(dir, d -> new ArrayList<>()).add(i);
            FileValue v = read(p);
            if (v.invalid()) {
                log.info(v.invalidLine(p.toString()));
            } else {
                values[i] = v.value();
            }
        }
        if (byDir.isEmpty()) return;
        try {
            watcher = FileSystems.getDefault().newWatchService();
            Map<WatchKey, List<Integer>> keys = new HashMap<>();
            for (var e : byDir.entrySet()) {
                WatchKey k = e.getKey().register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                keys.computeIfAbsent(k, x -> new ArrayList<>()).addAll(e.getValue());
            }
            thread = Thread.ofPlatform().daemon(true).name("vrrp-track-files").start(() -> watch(keys));
        } catch (IOException e) {
            log.info("Unable to monitor track files");
        }
    }

    /** track_file's init_file (track_file_end_handler): write "VALUE\n" unless the file exists and may not be overwritten. */
    private static void initialise(TrackFile f, Path p) {
        if (f.init() == TrackFile.Init.NONE) return;
        if (Files.exists(p)) {
            if (f.init() == TrackFile.Init.CREATE) return;
            if (!Files.isRegularFile(p)) {
                log.info("Cannot initialise track file {} - it is not a regular file", f.name());
                return;
            }
        }
        try {
            Files.writeString(p, f.initValue() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            log.info("Unable to initialise track file {}", f.name());
        }
    }

    static FileValue read(Path p) {
        byte[] buf = new byte[FileValue.MAX_BYTES];
        try (InputStream in = Files.newInputStream(p)) {
            int n = in.readNBytes(buf, 0, buf.length);
            return n <= 0 ? FileValue.ZERO : FileValue.parse(buf, n);
        } catch (NoSuchFileException e) {
            return FileValue.ZERO;
        } catch (IOException e) {
            return FileValue.ZERO;
        }
    }

    private void watch(Map<WatchKey, List<Integer>> keys) {
        BitSet dirty = new BitSet();
        try {
            while (!stopping) {
                WatchKey k = dirty.isEmpty() ? watcher.take() : watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
                if (k == null) {
                    for (int i = dirty.nextSetBit(0); i >= 0; i = dirty.nextSetBit(i + 1)) {
                        inbox.accept(new TrackerMessage.FileRead(this, i, read(paths.get(i))));
                    }
                    dirty.clear();
                    continue;
                }
                List<Integer> ours = keys.getOrDefault(k, List.of());
                for (WatchEvent<?> ev : k.pollEvents()) {
                    if (ev.kind() == StandardWatchEventKinds.OVERFLOW) {
                        for (int i : ours) dirty.set(i);
                        continue;
                    }
                    Path name = (Path) ev.context();
                    for (int i : ours) {
                        if (paths.get(i).getFileName().equals(name)) dirty.set(i);
                    }
                }
                k.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // stopping
        }
    }

    /** A read from the watch thread: true when the value the trackers see changed. */
    boolean read(TrackerMessage.FileRead r) {
        FileValue v = r.value();
        if (v.invalid()) {
            log.info(v.invalidLine(paths.get(r.file()).toString()));
            return false;
        }
        if (values[r.file()] == v.value()) return false;
        values[r.file()] = v.value();
        return true;
    }

    void stop() {
        stopping = true;
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        if (thread != null) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
