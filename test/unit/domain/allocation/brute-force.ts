/**
 * Brute-force reference for the assignment solvers: tries every way to give each row one
 * column or nothing, and keeps the best by (pairs matched, then total weight). Tiny inputs only.
 */
export function bruteForce(weights: readonly (readonly number[])[]): { matched: number; total: number } {
  const rows = weights.length;
  const cols = weights[0]?.length ?? 0;
  const used = new Array<boolean>(cols).fill(false);
  let best = { matched: 0, total: 0 };
  const visit = (row: number, matched: number, total: number): void => {
    if (row === rows) {
      if (matched > best.matched || (matched === best.matched && total > best.total))
        best = { matched, total };
      return;
    }
    visit(row + 1, matched, total);
    for (let col = 0; col < cols; col += 1) {
      const w = weights[row]![col]!;
      if (used[col] || w === Number.NEGATIVE_INFINITY) continue;
      used[col] = true;
      visit(row + 1, matched + 1, total + w);
      used[col] = false;
    }
  };
  visit(0, 0, 0);
  return best;
}

/** A small seeded generator of integer weight matrices with some forbidden cells. */
export function randomWeights(seed: number, rows: number, cols: number, forbiddenShare: number): number[][] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () =>
      random() < forbiddenShare ? Number.NEGATIVE_INFINITY : Math.floor(random() * 101),
    ),
  );
}
