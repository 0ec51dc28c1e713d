import type { Id, UnitNode } from '../../api/types';
import { fold } from '../../format';

/** A unit id as a string key (Set / Map / data-* attribute). */
export const key = (id: Id | undefined): string => String(id);

/** id → node for the whole tree. */
export function indexTree(roots: UnitNode[]): Map<string, UnitNode> {
  const map = new Map<string, UnitNode>();
  const walk = (nodes: UnitNode[]) => {
    for (const n of nodes) {
      map.set(key(n.id), n);
      walk(n.children ?? []);
    }
  };
  walk(roots);
  return map;
}

/** Ids of the node's descendants (not the node itself). */
export function descendantIds(node: UnitNode): Id[] {
  const out: Id[] = [];
  const walk = (nodes: UnitNode[]) => {
    for (const n of nodes) {
      if (n.id != null) out.push(n.id);
      walk(n.children ?? []);
    }
  };
  walk(node.children ?? []);
  return out;
}

/** Ids of every node that has children (for "expand all"). */
export function branchIds(roots: UnitNode[]): string[] {
  const out: string[] = [];
  const walk = (nodes: UnitNode[]) => {
    for (const n of nodes) {
      if (n.children?.length) {
        out.push(key(n.id));
        walk(n.children);
      }
    }
  };
  walk(roots);
  return out;
}

/** Keep the nodes whose name or code matches (diacritics ignored), with their ancestors. */
export function filterTree(roots: UnitNode[], query: string): UnitNode[] {
  const q = fold(query);
  if (!q) return roots;
  const visit = (nodes: UnitNode[]): UnitNode[] => {
    const out: UnitNode[] = [];
    for (const n of nodes) {
      const children = visit(n.children ?? []);
      if (children.length || fold(n.name ?? '').includes(q) || fold(n.code ?? '').includes(q)) out.push({ ...n, children });
    }
    return out;
  };
  return visit(roots);
}

/** Ancestor ids of a node, root first. */
export function ancestorsOf(index: Map<string, UnitNode>, id: Id | undefined): string[] {
  const out: string[] = [];
  let node = index.get(key(id));
  const seen = new Set<string>();
  while (node?.parentId != null) {
    const pk = key(node.parentId);
    if (seen.has(pk)) break;
    seen.add(pk);
    out.unshift(pk);
    node = index.get(pk);
  }
  return out;
}
