package io.jkeepalived.config.lexer;

import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The stack of open config files (lib/parser.c include_stack): each entry is one glob, reading its matches
 * in turn. Relative names resolve against the directory of the including file (keepalived chdir()s there),
 * the include strictness ({@code include_check}) is restored when each file ends, and include problems are
 * reported as keepalived's file_config_error does: an error only when the strictness asks for it, otherwise
 * a message of class OK that does not change the {@code -t} status.
 */
final class IncludeStack implements Reporter {
    static final int INCLUDE = 0;
    static final int READ = 0x01;
    static final int MATCH = 0x02;
    static final int WILDCARD = 0x04;
    static final int BRACE = 0x08;
    static final int ALL = READ | MATCH | WILDCARD | BRACE;

    /** fgets(buf, 1024): longer lines come in pieces of 1023 bytes. */
    static final int CHUNK = 1023;

    private static final Set<PosixFilePermission> EXEC = Set.of(PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);

    private static final class Entry {
        final int type;
        final int savedCheck;
        List<String> matches;
        int next;
        byte[] data;
        int pos;
        String name;
        int line;
        /** fgets() pieces read: the line number keepalived's children see in the parent's copy of the file. */
        int pieces;
        Path savedCwd;
        Path real;

        Entry(int type, int savedCheck) {
            this.type = type;
            this.savedCheck = savedCheck;
        }
    }

    private final ArrayDeque<Entry> stack = new ArrayDeque<>();
    private final Diagnostics diagnostics;
    private Path cwd;
    int includeCheck;
    boolean fileError;

    IncludeStack(Diagnostics diagnostics, Path cwd, int includeCheck) {
        this.diagnostics = diagnostics;
        this.cwd = cwd;
        this.includeCheck = includeCheck;
    }

    Path cwd() {
        return cwd;
    }

    boolean isEmpty() {
        return stack.isEmpty();
    }

    /** vreport_config_error()'s position: the top file, or the includer while an include opens. */
    String positionFile() {
        Entry e = positionEntry();
        return e == null ? null : e.name;
    }

    int positionLine() {
        Entry e = positionEntry();
        return e == null ? 0 : e.line;
    }

    /**
     * The position's line as keepalived's child processes number it: they read the parent's copy, where
     * every fgets() piece became a line ending in '\n', so a last line without one, or a line longer than
     * a piece, counts one more there than in the parent.
     */
    int positionChildLine() {
        Entry e = positionEntry();
        return e == null ? 0 : e.pieces;
    }

    private Entry positionEntry() {
        Entry e = stack.peekFirst();
        if (e == null || e.name != null) return e;
        Iterator<Entry> it = stack.iterator();
        it.next();
        return it.hasNext() ? it.next() : e;
    }

    @Override
    public void report(ConfigError kind, String message) {
        diagnostics.report(positionFile(), positionLine(), kind, message);
    }

    void fileError(int errorType, String message) {
        Entry top = stack.peekFirst();
        boolean error = ((includeCheck | (top == null ? 0 : top.type)) & errorType) != 0;
        report(error ? ConfigError.FILE_NOT_FOUND : ConfigError.OK, message);
        if (error) fileError = true;
    }

    /** The path, or null when the platform cannot name it (non-ASCII under a C locale). */
    private Path resolve(String name) {
        try {
            return cwd.resolve(name);
        } catch (InvalidPathException unnameable) {
            return null;
        }
    }

    /** open_and_check_glob(): the matches, or null after reporting why there are none to use. */
    private List<String> glob(String pattern, int type) {
        Glob g = Glob.run(pattern, cwd);
        int check = includeCheck | type;
        if (g.noSpace) {
            fileError(READ, "Error reading config file(s): glob(\"" + pattern + "\") returned 1, skipping.");
            return null;
        }
        if (g.noMatch()) {
            if (g.missingFiles > 0 || g.missingDirectories > 0) {
                fileError(Glob.hasBrace(pattern) ? BRACE : MATCH, "Config files missing '" + pattern + "'.");
            } else if (g.haveWildcards && (check & WILDCARD) != 0) {
                fileError(WILDCARD, "No config files matched '" + pattern + "'.");
            }
            return null;
        }
        if (g.missingFiles > 0 || g.missingDirectories > 0) {
            fileError(BRACE, "Some config files missing: \"" + pattern + "\".");
            if ((check & BRACE) != 0) return null;
        }
        return g.matches;
    }

    /** check_glob_file(): a regular, non-executable file. */
    private boolean usable(String name) {
        if (name.endsWith("/")) {
            fileError(READ, "Configuration file '" + name + "' is a directory - skipping");
            return false;
        }
        Path path = resolve(name);
        if (path != null) {
            try {
                PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class);
                if (a.isRegularFile() && !executable(a.permissions())) return true;
            } catch (IOException | UnsupportedOperationException notThere) {
                // reported below
            }
        }
        fileError(READ, "Configuration file '" + name + "' is not a regular non-executable file - skipping");
        return false;
    }

    private static boolean executable(Set<PosixFilePermission> perms) {
        for (PosixFilePermission p : perms) {
            if (EXEC.contains(p)) return true;
        }
        return false;
    }

    /**
     * check_conf_file(): keepalived's look at the -f glob before reading it. False means it will not
     * read it (and -t exits with whatever was reported).
     */
    boolean checkMain(String pattern) {
        List<String> matches = glob(pattern, INCLUDE);
        if (matches == null) return false;
        boolean ok = true;
        int found = 0;
        for (String m : matches) {
            if (!usable(m)) {
                ok = false;
                continue;
            }
            Path path = resolve(m);
            if (path == null || !Files.isReadable(path)) {
                report(ConfigError.FILE_NOT_FOUND, "Unable to read configuration file " + m);
                ok = false;
                break;
            }
            found++;
        }
        if (ok && found > 1) {
            report(ConfigError.MULTIPLE_FILES, "WARNING, multiple configuration file matches of " + pattern
                    + ", starting with " + matches.getFirst());
        }
        return ok && found > 0;
    }

    /** open_glob_file(): pushes the glob and opens its first usable file. */
    boolean open(String pattern, int type) {
        Entry e = new Entry(type, includeCheck);
        stack.addFirst(e);
        e.matches = glob(pattern, type);
        if (e.matches == null) {
            stack.removeFirst();
            return false;
        }
        if (!openNext(e)) {
            stack.removeFirst();
            return false;
        }
        return true;
    }

    /** open_conf_file(): the glob's next usable match, chdir'ed into its directory. */
    private boolean openNext(Entry e) {
        while (e.next < e.matches.size()) {
            String name = e.matches.get(e.next++);
            if (!usable(name)) continue;
            Path path = resolve(name);
            Path real = realPath(path);
            if (isOpen(real)) {
                // keepalived recurses until it runs out of file descriptors, then says this once
                fileError(READ, "Configuration file '" + name + "' open problem (Too many open files) - skipping");
                continue;
            }
            byte[] data;
            try {
                data = Files.readAllBytes(path);
            } catch (IOException | OutOfMemoryError ex) {
                fileError(READ, "Configuration file '" + name + "' open problem (" + reason(ex) + ") - skipping");
                continue;
            }
            e.data = data;
            e.real = real;
            e.pos = 0;
            e.name = name;
            e.line = 0;
            e.pieces = 0;
            if (name.indexOf('/') >= 0) {
                e.savedCwd = cwd;
                Path dir = path.getParent();
                try {
                    cwd = dir.toRealPath();
                } catch (IOException ex) {
                    cwd = dir;
                }
            }
            return true;
        }
        return false;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException ex) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** An include loop: the file is already being read further up the stack. */
    private boolean isOpen(Path real) {
        for (Entry e : stack) {
            if (e.data != null && real.equals(e.real)) return true;
        }
        return false;
    }

    private static String reason(Throwable ex) {
        return ex instanceof java.nio.file.AccessDeniedException ? "Permission denied" : String.valueOf(ex.getMessage());
    }

    /** end_file(): back to the includer's directory and include strictness. */
    private void endFile(Entry e) {
        includeCheck = e.savedCheck;
        e.data = null;
        e.real = null;
        if (e.savedCwd != null) {
            cwd = e.savedCwd;
            e.savedCwd = null;
        }
    }

    /** The last piece was empty once its line end was removed (only that ends a multi-line definition). */
    boolean pieceEmpty;
    /**
     * The last piece had nothing decomment() would change except blanks at either end, which are already
     * gone: the common case, read straight from the bytes without a second pass.
     */
    boolean pieceClean;

    /**
     * fgets() on the current file, moving on to the next file at the end of one: the next piece of a line
     * (up to '\n' or 1023 bytes, cut at a NUL), without its line end, or null when every file is done.
     * The line number only advances when the piece ended with '\n', as in keepalived.
     */
    String readPiece() {
        while (true) {
            Entry e = stack.peekFirst();
            if (e == null) return null;
            byte[] d = e.data;
            int start = e.pos;
            if (d == null || start >= d.length) {
                endFile(e);
                if (!openNext(e)) {
                    stack.removeFirst();
                    if (stack.isEmpty()) return null;
                }
                continue;
            }
            int limit = Math.min(d.length, start + CHUNK);
            int end = start;
            int nul = -1;
            while (end < limit) {
                byte b = d[end++];
                if (b == '\n') break;
                if (b == 0 && nul < 0) nul = end - 1;
            }
            e.pos = end;
            e.pieces++;
            int stop = nul >= 0 ? nul : end;
            if (stop > start && d[stop - 1] == '\n') {
                e.line++;
                stop--;
            }
            while (stop > start && (d[stop - 1] == '\n' || d[stop - 1] == '\r')) stop--;
            pieceEmpty = stop == start;
            if (pieceEmpty) return "";
            return text(d, start, stop);
        }
    }

    /** The piece's text; blanks at both ends already trimmed when nothing in it needs decomment(). */
    private String text(byte[] d, int start, int stop) {
        boolean ascii = true;
        boolean special = false;
        int first = -1;
        int last = -1;
        for (int i = start; i < stop; i++) {
            byte b = d[i];
            if (b == ' ' || b == '\t') continue;
            if (first < 0) first = i;
            last = i;
            if (b < 0) ascii = false;
            else if (b == '#' || b == '!' || b == '"' || b == '\\') special = true;
        }
        pieceClean = !special;
        if (special) {
            return new String(d, start, stop - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }
        if (first < 0) return "";
        return new String(d, first, last + 1 - first, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
}
