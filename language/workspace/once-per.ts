/**
 * A function computed once per object: per parse (a new parse makes a new root node, and the tree
 * never changes after it), per group model or per analysis (plain data, never changed after they
 * are built). The results go with the object when it is collected.
 */
export function oncePer<K extends object, T>(compute: (key: K) => T): (key: K) => T {
    const cache = new WeakMap<K, T>();
    return key => {
        if (cache.has(key)) return cache.get(key)!;
        const value = compute(key);
        cache.set(key, value);
        return value;
    };
}
