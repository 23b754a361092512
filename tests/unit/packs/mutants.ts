/**
 * Mutants of a real record for the fast-check tests (annotation-check, document-check): every field
 * removed, nulled, given each wrong type, emptied, extended; arrays grown by a copy; objects given an
 * unknown key. One change at one place per mutant.
 */
export type Json = unknown;

const WRONG: Json[] = [null, 0, -1, 1.5, 7, '', 'x', 'urn:uuid:not-a-uuid', true, [], {}, [1]];

/** Every mutant of `root`: one change at one place. */
export function* mutants(root: Json): Generator<{ where: string; value: Json }> {
  function* at(node: Json, path: Array<string | number>): Generator<{ where: string; value: Json }> {
    const set = (value: Json, remove = false) => {
      const copy = structuredClone(root);
      if (path.length === 0) return value;
      let parent = copy as Record<string | number, Json>;
      for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, Json>;
      const key = path[path.length - 1]!;
      if (remove) {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
      } else parent[key] = value;
      return copy;
    };
    const where = path.join('.');
    if (path.length > 0) yield { where: `${where} removed`, value: set(undefined, true) };
    for (const w of WRONG) yield { where: `${where} = ${JSON.stringify(w)}`, value: set(w) };
    if (Array.isArray(node)) {
      if (node.length > 0) yield { where: `${where} + copy`, value: set([...node, node[node.length - 1]]) };
      for (let i = 0; i < node.length; i++) yield* at(node[i], [...path, i]);
    } else if (node !== null && typeof node === 'object') {
      yield { where: `${where} + unknown key`, value: set({ ...node, somethingNew: 1 }) };
      for (const [k, v] of Object.entries(node)) yield* at(v, [...path, k]);
    }
  }
  yield* at(root, []);
}
