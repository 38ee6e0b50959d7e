package io.jkeepalived.config.parse;

import java.util.function.BiConsumer;

/**
 * One entry of a block's keyword table, bound to the builder type {@code T} of that block.
 * Three kinds, as keepalived has them: a plain keyword whose words are handled at once, a keyword that
 * opens a block of further keywords, and a keyword that opens a block of value lines.
 */
public sealed interface Keyword<T> {
    KeywordInfo info();

    default String name() {
        return info().name();
    }

    /** Handles the keyword's line. */
    @FunctionalInterface
    interface Handler<T> {
        void handle(ParseContext ctx, T target, Args args);
    }

    /** Creates the child block's builder from the keyword line; may return null to skip the block's content. */
    @FunctionalInterface
    interface Opener<T, C> {
        C open(ParseContext ctx, T parent, Args args);
    }

    /** Runs at the block's closing brace (keepalived's sub_close_handler): validate, then attach the child. */
    @FunctionalInterface
    interface Closer<T, C> {
        void close(ParseContext ctx, T parent, C child);
    }

    record Simple<T>(KeywordInfo info, Handler<T> handler) implements Keyword<T> {}

    record Sub<T, C>(KeywordInfo info, Block<C> block, Opener<T, C> opener, Closer<T, C> closer)
            implements Keyword<T> {}

    /**
     * A value block ({@code virtual_ipaddress { … }}): {@code onOpen} sees the keyword line, {@code onLine}
     * each line inside (keepalived's {@code alloc_value_block}), {@code onClose} runs after the {@code }}.
     */
    record Lines<T>(KeywordInfo info, Handler<T> onOpen, Handler<T> onLine, BiConsumer<ParseContext, T> onClose)
            implements Keyword<T> {}
}
