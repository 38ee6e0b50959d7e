package io.jkeepalived.config.lexer;

import static io.jkeepalived.config.lexer.LineText.at;
import static io.jkeepalived.config.lexer.LineText.blanks;
import static io.jkeepalived.config.lexer.LineText.isBlank;
import static io.jkeepalived.config.lexer.LineText.isWhite;

import io.jkeepalived.config.ConfLine;
import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.Diagnostics;
import io.jkeepalived.config.LineSource;
import io.jkeepalived.config.LoadOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * keepalived 2.2.7's pre-processor and line reader (lib/parser.c read_line): files and includes, comments,
 * {@code @id} lines, {@code $NAME} definitions, {@code ~SEQ}/{@code ~LST}, braces split onto lines of their
 * own, and the brace count behind "Extra '}' found" and "There are N missing '}'s or extra '{'s".
 *
 * <p>The order of the checks on each line follows read_line exactly, because it decides what a line means
 * (a '{' left over from "kw { @id x" goes through the {@code @id} check again; a definition's value may
 * start a ~SEQ). Where keepalived would never finish (an include loop, a definition that expands to itself,
 * a sequence running past the range of a long) this reader stops, and says what keepalived says when it
 * finally gives up.
 */
public final class ConfigReader implements LineSource {
    private static final int MAX_RECHECKS = 1000;
    /**
     * Lines one file line may expand to (through ~SEQ/~LST and multi-line definitions) before we stop it:
     * keepalived would run for ever on a definition that uses itself on its last line.
     */
    static final int MAX_GENERATED = 1_000_000;

    private final Diagnostics diagnostics;
    private final IncludeStack files;
    private final Sequences seqs = new Sequences();
    private final Definitions defs = new Definitions(seqs);
    private final String configId;
    private final boolean mainFileMissing;
    private final Reporter reporter;

    private String residue;
    private Definitions.Cursor nextPtr;
    private Definitions.Def multilineDef;
    private int blockDepth;
    private int generated;

    public ConfigReader(LoadOptions opts, Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.configId = opts.configId();
        Path cwd = Path.of("").toAbsolutePath();
        this.files = new IncludeStack(diagnostics, cwd, opts.allConfig() ? IncludeStack.ALL : 0);
        this.reporter = files;
        Random random = new Random();
        defs.addStandard("_PWD", null, new Predefined(Predefined.PWD, files, configId, random), 0);
        defs.addStandard("_INSTANCE", null, new Predefined(Predefined.INSTANCE, files, configId, random), 0);
        defs.addStandard("_RANDOM", null, new Predefined(Predefined.RANDOM, files, configId, random), 2);
        defs.addStandard("_HASH", "#", null, 0);
        defs.addStandard("_BANG", "!", null, 0);

        String pattern = opts.mainFile().toString();
        if (!files.checkMain(pattern)) {
            mainFileMissing = true;
            return;
        }
        mainFileMissing = false;
        if (!files.open(pattern, IncludeStack.READ | IncludeStack.MATCH | IncludeStack.WILDCARD)) {
            files.fileError(IncludeStack.READ, "Failed to open configuration file");
        }
    }

    /**
     * keepalived's check of the -f glob failed (nothing matched, or a match is a directory or executable):
     * it then reads nothing, and {@code -t} exits with the worst class reported, 0 unless {@code -e}.
     */
    public boolean mainFileMissing() {
        return mainFileMissing;
    }

    /**
     * An include problem was an error under the include strictness in force (keepalived's
     * had_config_file_error()): keepalived then stops after reading the configuration, even under -t,
     * with exit status 6 (KEEPALIVED_EXIT_NO_CONFIG).
     */
    public boolean hadFileError() {
        return files.fileError;
    }

    /**
     * global_defs {@code include_check [[+|-]read|match|wildcard_match|brace_match …]} (keepalived's
     * include_check_set): sets the strictness for includes from here on; with no argument, all checks.
     * The setting lasts until the end of the file it is in (keepalived restores the includer's). Call it
     * while handling the line, with the line's words, keyword first.
     */
    public void setIncludeCheck(List<String> words) {
        if (words.size() <= 1) {
            files.includeCheck = IncludeStack.ALL;
            return;
        }
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            int mode = 0;
            int offset = 1;
            if (word.startsWith("-")) mode = -1;
            else if (word.startsWith("+")) mode = 1;
            else {
                offset = 0;
                if (i == 1) files.includeCheck = 0;
                else {
                    files.report(ConfigError.GENERAL_ERROR, "Duplicate include_check '" + word + "' specified - ignoring");
                    continue;
                }
            }
            int flag = switch (word.substring(offset)) {
                case "read" -> IncludeStack.READ;
                case "match" -> IncludeStack.MATCH;
                case "wildcard_match" -> IncludeStack.WILDCARD;
                case "brace_match" -> IncludeStack.BRACE;
                default -> {
                    files.report(ConfigError.GENERAL_ERROR,
                            "Unknown include_check type '" + word.substring(offset) + "' - ignoring");
                    yield 0;
                }
            };
            if (flag != 0) {
                if (mode == 0) files.includeCheck = IncludeStack.READ | flag;
                else if (mode == 1) files.includeCheck |= flag;
                else files.includeCheck &= ~flag;
            }
        }
    }

    @Override
    public ConfLine next() {
        String buf;
        while ((buf = readLine()) != null) {
            Shape shape = shape(buf);
            if (!shape.words().isEmpty()) {
                return new ConfLine(files.positionFile(), files.positionLine(), shape.words(), shape.text(),
                        files.positionChildLine());
            }
        }
        return null;
    }

    /** A line's text and words, shared by the lines that read the same. */
    private record Shape(String text, List<String> words) {}

    /**
     * Large configurations repeat the same few lines ("}", "weight 1", "retry 3" …): each text is split
     * once and its words shared, so the lines the process views keep hold no copies (issue 3's benchmark:
     * 100,000 lines, 20 MB of copies). A line with a quote is split every time, as it may report an error.
     */
    private Shape shape(String buf) {
        Shape s = shapes.get(buf);
        if (s != null) return s;
        s = new Shape(buf, LineText.words(buf, reporter));
        if (shapes.size() < MAX_SHAPES && buf.indexOf('"') < 0) shapes.put(buf, s);
        return s;
    }

    private static final int MAX_SHAPES = 4096;
    private final Map<String, Shape> shapes = new HashMap<>();

    @Override
    public String currentFile() {
        return files.positionFile();
    }

    @Override
    public int currentLine() {
        return files.positionLine();
    }

    @Override
    public void finish() {
        if (blockDepth > 0) {
            diagnostics.report(null, 0, ConfigError.MISSING_EOB,
                    "There are " + blockDepth + " missing '}'s or extra '{'s");
        }
    }

    /** read_line(): the next line with text, after every pre-processing step, or null at the end. */
    private String readLine() {
        boolean multilineParamDef = false;
        String buf;
        do {
            if (residue != null) {
                buf = residue;
                residue = null;
            } else if (seqs.count() > defs.multilineSeqDepth && ++generated <= MAX_GENERATED) {
                buf = seqs.nextLine(defs);
            } else if (nextPtr != null && ++generated <= MAX_GENERATED) {
                buf = nextMultilineLine();
            } else {
                if (generated > MAX_GENERATED) {
                    seqs.clear();
                    nextPtr = null;
                    defs.clearMultiline();
                }
                generated = 0;
                buf = "";
                String piece;
                while ((piece = files.readPiece()) != null) {
                    if (files.pieceEmpty) {
                        // only a truly empty line ends a multi-line definition; comment lines do not
                        if (multilineParamDef) {
                            multilineParamDef = false;
                            if (multilineDef.value.isEmpty()) multilineDef.multiline = false;
                        }
                        continue;
                    }
                    buf = files.pieceClean ? piece : LineText.decomment(piece, reporter);
                    if (!buf.isEmpty()) break;
                }
                if (buf.isEmpty()) return null;
            }

            if (multilineParamDef) {
                multilineParamDef = appendToDefinition(buf);
                buf = "";
                continue;
            }
            if (buf.isEmpty()) continue;

            boolean recheck;
            int rechecks = 0;
            do {
                recheck = false;
                if (at(buf, 0) == '@') {
                    buf = selectById(buf);
                    if (buf.isEmpty()) break;
                }
                if (at(buf, 0) == '$') {
                    Definitions.Def def = defs.define(buf);
                    if (def != null) {
                        if (def.multiline) {
                            multilineParamDef = true;
                            multilineDef = def;
                        }
                        buf = "";
                        break;
                    }
                }
                if (buf.startsWith("~SEQ") || buf.startsWith("~LST")) {
                    if (buf.charAt(1) == 'S') {
                        if (!seqs.addSeq(buf, defs, reporter)) {
                            files.report(ConfigError.GENERAL_ERROR, "Invalid ~SEQ specification '" + buf + "'");
                        }
                    } else if (!seqs.addLst(buf, reporter)) {
                        files.report(ConfigError.GENERAL_ERROR, "Invalid ~LST specification '" + buf + "'");
                    }
                    buf = "";
                    break;
                }
                if (at(buf, 0) == '~') break;
                if (buf.indexOf('$') >= 0) {
                    Definitions.Expansion x = new Definitions.Expansion(nextPtr);
                    defs.replace(buf, Definitions.MAX_LINE, x);
                    buf = x.text;
                    if (!x.replaced) break;
                    nextPtr = x.multiline;
                    buf = LineText.decomment(buf, reporter);
                    recheck = (at(buf, 0) == '@' || buf.indexOf('$') >= 0) && ++rechecks < MAX_RECHECKS;
                }
            } while (recheck);
        } while (buf.isEmpty() || include(buf));

        return splitBrace(buf);
    }

    /** The next line of a multi-line definition being expanded; at its end, the one it was used in resumes. */
    private String nextMultilineLine() {
        String text = nextPtr.text();
        int pos = nextPtr.pos();
        int nl = text.indexOf('\n', pos);
        if (nl < 0) {
            String buf = text.substring(pos);
            if (!defs.multilineStackEmpty()) {
                nextPtr = defs.popMultiline();
            } else {
                nextPtr = null;
                defs.multilineSeqDepth = 0;
            }
            return buf;
        }
        nextPtr = new Definitions.Cursor(text, nl + 1);
        return text.substring(pos, nl);
    }

    /** Adds a line to the multi-line definition being read; false when it was its last line. */
    private boolean appendToDefinition(String buf) {
        int len = buf.length();
        boolean more = len > 0 && buf.charAt(len - 1) == '\\';
        String add;
        if (more) {
            len--;
            while (len >= 1 && isBlank(buf.charAt(len - 1))) len--;
            add = buf.substring(0, len) + "\n";
            len++;
        } else {
            if (multilineDef.value.isEmpty()) multilineDef.multiline = false;
            add = buf;
        }
        if (len >= 2 || (len > 0 && !more)) multilineDef.value = multilineDef.value + add;
        return more;
    }

    /** "@id text" keeps text only on the host whose config id is id; "@^id text" only on the others. */
    private String selectById(String buf) {
        boolean reverse = at(buf, 1) == '^';
        int ofs = reverse ? 2 : 1;
        int space = -1;
        for (int i = ofs; i < buf.length(); i++) {
            if (isBlank(buf.charAt(i))) {
                space = i;
                break;
            }
        }
        if (space < 0) return "";
        boolean matches = configId != null && buf.regionMatches(ofs, configId, 0, configId.length())
                && space - ofs == configId.length();
        if (matches == reverse) return "";
        return buf.substring(space + blanks(buf, space));
    }

    /** check_include(): "include GLOB" and includer/includem/includew/includeb/includea. */
    private boolean include(String buf) {
        if (!buf.startsWith("include") || buf.length() <= 7) return false;
        char c7 = buf.charAt(7);
        int p;
        int type;
        if (isWhite(c7)) {
            p = 8;
            type = IncludeStack.INCLUDE;
        } else if (isWhite(at(buf, 8)) && "rmwba".indexOf(c7) >= 0) {
            p = 9;
            type = switch (c7) {
                case 'r' -> IncludeStack.READ;
                case 'a' -> IncludeStack.ALL;
                case 'w' -> IncludeStack.READ | IncludeStack.MATCH | IncludeStack.WILDCARD;
                case 'm' -> IncludeStack.READ | IncludeStack.MATCH;
                default -> IncludeStack.READ | IncludeStack.BRACE;
            };
        } else {
            return false;
        }
        p = Math.min(p, buf.length());
        p += blanks(buf, p);
        files.open(buf.substring(p), type);
        return true;
    }

    /** Splits off the first '{' or '}' outside quotes (the rest is the next line) and counts braces. */
    private String splitBrace(String buf) {
        int p = LineText.braceSplit(buf);
        if (p >= 0) {
            int cut = p == 0 ? 1 + blanks(buf, 1) : p;
            if (cut < buf.length()) {
                residue = LineText.trimTrailingBlanks(buf.substring(cut));
                buf = buf.substring(0, cut);
            }
        }
        buf = LineText.trimTrailingBlanks(buf);
        if (buf.equals("{")) {
            blockDepth++;
        } else if (buf.equals("}")) {
            if (blockDepth-- < 1) {
                files.report(ConfigError.UNEXPECTED_EOB, "Extra '}' found");
                blockDepth = 0;
            }
        }
        return buf;
    }
}
