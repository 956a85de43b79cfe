package io.identitybridge.spi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A value computed once per distinct key (a stored text, say) and kept for later requests; past {@code max} entries it
 * starts over, so many keys cost a computation each again, never unbounded memory.
 */
public final class BoundedMemo<K, V> {

    private final int max;
    private final Function<K, V> compute;
    private final Map<K, V> memo = new ConcurrentHashMap<>();

    public BoundedMemo(int max, Function<K, V> compute) {
        this.max = max;
        this.compute = compute;
    }

    public V get(K key) {
        V value = memo.get(key);
        if (value == null) {
            value = compute.apply(key);
            if (memo.size() >= max) {
                memo.clear();
            }
            memo.put(key, value);
        }
        return value;
    }

    public int size() {
        return memo.size();
    }
}
