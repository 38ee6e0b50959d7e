package io.jkeepalived.config.parse;

import io.jkeepalived.config.ConfLine;
import io.jkeepalived.config.ConfigError;
import io.jkeepalived.config.LineSource;

/**
 * Walks the lexer's lines through the keyword tables the way keepalived's process_stream does:
 * a block must start with '{' ("Missing '{'" otherwise, and the line is still handled), a stray '{' is
 * ignored with an error, '}' closes the current block, and an unknown keyword is reported and skipped
 * without skipping the block behind it (its body is read at the current level, its '}' closes the
 * enclosing block: keepalived's cascade, which decides which later lines get errors).
 */
public final class KeywordParser {
    private final LineSource source;
    private final ParseContext ctx;
    private final Hints hints;

    public KeywordParser(LineSource source, ParseContext ctx, Hints hints) {
        this.source = source;
        this.ctx = ctx;
        this.hints = hints;
    }

    /** Parses the whole stream into {@code target} with the root table. */
    public <T> void parseRoot(Block<T> root, T target) {
        stream(root, target, 0, false);
        ctx.setCurrent(null);
        source.finish();
    }

    private <T> void stream(Block<T> table, T target, int level, boolean needBob) {
        ConfLine line;
        while ((line = next()) != null) {
            ctx.setCurrent(line);
            if (line.words().isEmpty()) continue;
            if (needBob) {
                needBob = false;
                if (line.isOpenBrace() && level > 0) continue;
                ctx.error(ConfigError.MISSING_BOB, "Missing '{' at beginning of configuration block");
            } else if (line.isOpenBrace()) {
                ctx.error(ConfigError.UNEXPECTED_BOB, "Unexpected '{' - ignoring");
                continue;
            }
            if (line.isCloseBrace() && level > 0) return;

            String word = line.first();
            Keyword<T> kw = table.find(word);
            if (kw == null) {
                ctx.error(ConfigError.UNKNOWN_KEYWORD, "Unknown keyword '" + word + "'" + hints.forUnknown(table, word));
                continue;
            }
            handle(kw, target, line, level);
        }
    }

    private <T> void handle(Keyword<T> kw, T target, ConfLine line, int level) {
        Args args = new Args(line, ctx);
        // instanceof, not a pattern switch: its bootstrap spins a class at start-up, which -t pays (issue 3)
        if (kw instanceof Keyword.Simple<T> s) s.handler().handle(ctx, target, args);
        else if (kw instanceof Keyword.Sub<T, ?> s) sub(s, target, args, level);
        else valueBlock((Keyword.Lines<T>) kw, target, args);
    }

    private <T, C> void sub(Keyword.Sub<T, C> s, T target, Args args, int level) {
        C child = s.opener().open(ctx, target, args);
        if (child == null) {
            skipBlock();
            return;
        }
        stream(s.block(), child, level + 1, true);
        if (s.closer() != null) s.closer().close(ctx, target, child);
    }

    /** Skips a block whose opener refused it, braces balanced (keepalived's skip_block). */
    private void skipBlock() {
        ConfLine line = next();
        if (line == null) return;
        if (!line.isOpenBrace()) {
            pushBack = line; // the keyword had no block: nothing to skip
            return;
        }
        int depth = 1;
        while (depth > 0 && (line = next()) != null) {
            if (line.isOpenBrace()) depth++;
            else if (line.isCloseBrace()) depth--;
        }
    }

    private ConfLine pushBack;

    private ConfLine next() {
        if (pushBack != null) {
            ConfLine l = pushBack;
            pushBack = null;
            return l;
        }
        return source.next();
    }

    private <T> void valueBlock(Keyword.Lines<T> l, T target, Args args) {
        if (args.size() > 1 + l.info().maxArgs()) {
            ctx.error(ConfigError.GENERAL_ERROR, "Block " + args.keyword() + " has extra parameters "
                    + args.words().get(1 + l.info().maxArgs()) + " ...");
        }
        if (l.onOpen() != null) {
            l.onOpen().handle(ctx, target, args);
            if (ctx.takeValueBlockRefused()) return;
        }
        boolean needBob = true;
        ConfLine line;
        while ((line = next()) != null) {
            ctx.setCurrent(line);
            if (needBob) {
                needBob = false;
                if (line.isOpenBrace()) continue;
                // keepalived only logs this one ("'{' missing from beginning of block"); not a config error
            }
            if (line.isCloseBrace()) break;
            if (!line.words().isEmpty()) l.onLine().handle(ctx, target, new Args(line, ctx));
        }
        if (l.onClose() != null) l.onClose().accept(ctx, target);
    }
}
