package io.jkeepalived.config.parse;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The keyword table of one block ({@code global_defs}, {@code vrrp_instance}, …) for a builder of type
 * {@code T}. Tables are built once, at class initialisation, and shared by every load.
 */
public final class Block<T> {
    private final String name;
    private final Map<String, Keyword<T>> keywords = new LinkedHashMap<>();

    public Block(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Keyword<T> find(String word) {
        return keywords.get(word);
    }

    public Collection<Keyword<T>> keywords() {
        return Collections.unmodifiableCollection(keywords.values());
    }

    public Block<T> add(Keyword<T> k) {
        if (keywords.putIfAbsent(k.name(), k) != null) {
            throw new IllegalStateException("keyword " + k.name() + " twice in block " + name);
        }
        return this;
    }

    public Block<T> simple(KeywordInfo info, Keyword.Handler<T> h) {
        return add(new Keyword.Simple<>(info, h));
    }

    public <C> Block<T> sub(KeywordInfo info, Block<C> child, Keyword.Opener<T, C> open, Keyword.Closer<T, C> close) {
        return add(new Keyword.Sub<>(info, child, open, close));
    }

    public Block<T> lines(KeywordInfo info, Keyword.Handler<T> onOpen, Keyword.Handler<T> onLine,
                          BiConsumer<ParseContext, T> onClose) {
        return add(new Keyword.Lines<>(info, onOpen, onLine, onClose));
    }

    /** Same keyword under another name (keepalived's silent aliases like {@code lb_algo}). */
    public Block<T> alias(String alias, String of) {
        Keyword<T> k = keywords.get(of);
        KeywordInfo i = k.info();
        KeywordInfo ai = new KeywordInfo(alias, i.minArgs(), i.maxArgs(), i.type(), i.range(), i.defaultValue(),
                i.since(), i.replacedBy());
        // instanceof, not a pattern switch: its bootstrap spins a class at start-up (issue 3's -t timing)
        if (k instanceof Keyword.Simple<T> s) return add(new Keyword.Simple<>(ai, s.handler()));
        if (k instanceof Keyword.Sub<T, ?> s) return add(reSub(ai, s));
        Keyword.Lines<T> l = (Keyword.Lines<T>) k;
        return add(new Keyword.Lines<>(ai, l.onOpen(), l.onLine(), l.onClose()));
    }

    private static <T, C> Keyword<T> reSub(KeywordInfo ai, Keyword.Sub<T, C> s) {
        return new Keyword.Sub<>(ai, s.block(), s.opener(), s.closer());
    }
}
