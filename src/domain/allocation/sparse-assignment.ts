/**
 * A minimum-cost assignment solver on a sparse bipartite graph, after Jonker & Volgenant:
 * augmenting row reduction (`reduceRows`) matches most rows cheaply, then successive shortest
 * augmenting paths (`assignRow`, Dijkstra with column potentials) match the rest exactly.
 *
 * Written here rather than taken from npm: the packages there (munkres, munkres-js,
 * min-cost-flow) need a dense matrix or a generic graph of objects; 10,000 × 12,000 dense is
 * 120 M cells, and the batch only needs the ~20 edges per row that candidate generation keeps.
 *
 * Each row also has a private "dummy" column at a cost higher than any real augmenting path,
 * so a row that cannot be matched (or is displaced by a better use of the last column it could
 * have had) parks there. The result is a maximum-cardinality matching of least cost on the
 * graph given, whatever the row order: reduced costs stay non-negative and matched edges tight
 * throughout, and every augmentation is a shortest path.
 *
 * Costs must be integers (the scores are), so potentials and distances stay exact.
 */
export class SparseAssignment {
  readonly rowCount: number;
  readonly colCount: number;
  /** The matched column of each row, −1 if none; a value ≥ `colCount` is the row's dummy. */
  readonly rowCol: Int32Array;
  readonly #colRow: Int32Array;
  readonly #rowCost: Float64Array;
  /** Column potentials; 0 for every unmatched column, ≤ 0 for matched ones. */
  readonly #potential: Float64Array;
  readonly #dummyCost: number;
  readonly #rowStart: Int32Array;
  readonly #rowLength: Int32Array;
  #edgeCol: Int32Array;
  #edgeCost: Float64Array;
  #edgeCount = 0;
  // Search scratch, reused across rows. `#mark[col]` is 2·stamp once reached, 2·stamp + 1 once
  // scanned, so nothing has to be cleared between searches.
  readonly #dist: Float64Array;
  readonly #mark: Int32Array;
  readonly #pred: Int32Array;
  readonly #predCost: Float64Array;
  readonly #scanned: Int32Array;
  #heapKeys: Float64Array;
  #heapCols: Int32Array;
  #stamp = 0;

  /**
   * @param maxCost the largest edge cost that will be set.
   * @param edgeCapacity a hint for how many edges will be set in all.
   */
  constructor(rowCount: number, colCount: number, maxCost: number, edgeCapacity = 16 * rowCount) {
    this.rowCount = rowCount;
    this.colCount = colCount;
    const allCols = colCount + rowCount;
    this.rowCol = new Int32Array(rowCount).fill(-1);
    this.#colRow = new Int32Array(allCols).fill(-1);
    this.#rowCost = new Float64Array(rowCount);
    this.#potential = new Float64Array(allCols);
    // A real augmenting path changes the cost by at most maxCost × (rows + 1); one ending in a
    // dummy by at least dummyCost − maxCost × rows. So real columns always come first, and the
    // matching has as many real pairs as the graph allows.
    this.#dummyCost = 2 * maxCost * (rowCount + 1) + 1;
    this.#rowStart = new Int32Array(rowCount);
    this.#rowLength = new Int32Array(rowCount);
    this.#edgeCol = new Int32Array(Math.max(16, edgeCapacity));
    this.#edgeCost = new Float64Array(Math.max(16, edgeCapacity));
    this.#dist = new Float64Array(allCols);
    this.#mark = new Int32Array(allCols);
    this.#pred = new Int32Array(allCols);
    this.#predCost = new Float64Array(allCols);
    this.#scanned = new Int32Array(allCols);
    this.#heapKeys = new Float64Array(1024);
    this.#heapCols = new Int32Array(1024);
  }

  /**
   * Replaces `row`'s edges. The row must be unmatched (never assigned, or `release`d): a
   * matched row's edge to its column has to stay, or the potentials would lie.
   */
  setRowEdges(row: number, cols: ArrayLike<number>, costs: ArrayLike<number>, length = cols.length): void {
    if (this.rowCol[row] !== -1) throw new Error(`row ${row} is matched; release it first`);
    if (this.#edgeCount + length > this.#edgeCol.length) {
      const capacity = Math.max(2 * this.#edgeCol.length, this.#edgeCount + length);
      const edgeCol = new Int32Array(capacity);
      edgeCol.set(this.#edgeCol.subarray(0, this.#edgeCount));
      this.#edgeCol = edgeCol;
      const edgeCost = new Float64Array(capacity);
      edgeCost.set(this.#edgeCost.subarray(0, this.#edgeCount));
      this.#edgeCost = edgeCost;
    }
    this.#rowStart[row] = this.#edgeCount;
    this.#rowLength[row] = length;
    for (let k = 0; k < length; k += 1) {
      this.#edgeCol[this.#edgeCount] = cols[k]!;
      this.#edgeCost[this.#edgeCount] = costs[k]!;
      this.#edgeCount += 1;
    }
  }

  /**
   * Each real column's price, `−potential`: never negative, zero for unmatched columns. With
   * row values `max(0, maxₐ(weight − price))` they form a feasible dual of the maximum-weight
   * matching on any graph over these columns, so they bound its optimum (weak duality).
   */
  prices(): Float64Array {
    return Float64Array.from(this.#potential.subarray(0, this.colCount), (potential) => -potential);
  }

  /** Whether `row` is matched to a real column. */
  isMatched(row: number): boolean {
    const col = this.rowCol[row]!;
    return col >= 0 && col < this.colCount;
  }

  /** Whether real column `col` is matched. */
  isColumnTaken(col: number): boolean {
    return this.#colRow[col] !== -1;
  }

  /** Unparks a row from its dummy so it can get new edges and be assigned again. */
  release(row: number): void {
    const dummy = this.colCount + row;
    if (this.rowCol[row] !== dummy) throw new Error(`row ${row} is not parked on its dummy`);
    this.rowCol[row] = -1;
    this.#colRow[dummy] = -1;
    // Only this row reaches its dummy, and the row is now free: resetting the potential keeps
    // every reduced cost non-negative and a free column's potential at zero.
    this.#potential[dummy] = 0;
  }

  /**
   * Augmenting row reduction: each free row takes its cheapest column (counting potentials)
   * and lowers that column's potential by its margin over the second cheapest, displacing the
   * previous holder, auction style. It matches most rows for the price of a scan of their edges,
   * where shortest paths would explore long alternating chains through a crowded graph. Every
   * step keeps reduced costs non-negative and matched edges tight, so `assignRow` can finish the
   * rows it leaves free. The work is capped: with many equal scores, rows can bounce between
   * equally good columns for a long time.
   */
  reduceRows(passes = 2): void {
    const potential = this.#potential;
    const colRow = this.#colRow;
    const edgeCol = this.#edgeCol;
    const edgeCost = this.#edgeCost;
    const dummyCost = this.#dummyCost;
    let free: number[] = [];
    for (let row = 0; row < this.rowCount; row += 1) if (this.rowCol[row] === -1) free.push(row);
    let budget = 8 * this.rowCount + 16;
    for (let pass = 0; pass < passes && free.length > 0 && budget > 0; pass += 1) {
      const later: number[] = [];
      const now: number[] = [];
      let next = 0;
      while (budget > 0 && (now.length > 0 || next < free.length)) {
        budget -= 1;
        const row = now.length > 0 ? now.pop()! : free[next++]!;
        let best = Number.POSITIVE_INFINITY;
        let second = Number.POSITIVE_INFINITY;
        let bestCol = -1;
        let secondCol = -1;
        let bestCost = 0;
        let secondCost = 0;
        // A free column among the cheapest, if any: taking it displaces nobody.
        let freeBestCol = -1;
        let freeBestCost = 0;
        for (let e = this.#rowStart[row]!, end = e + this.#rowLength[row]!; e <= end; e += 1) {
          // The edge after the last is the row's dummy.
          const col = e < end ? edgeCol[e]! : this.colCount + row;
          const cost = e < end ? edgeCost[e]! : dummyCost;
          const reduced = cost - potential[col]!;
          if (reduced < best) {
            second = best;
            secondCol = bestCol;
            secondCost = bestCost;
            best = reduced;
            bestCol = col;
            bestCost = cost;
            freeBestCol = -1;
          } else if (reduced < second) {
            second = reduced;
            secondCol = col;
            secondCost = cost;
          }
          if (reduced === best && freeBestCol === -1 && colRow[col] === -1) {
            freeBestCol = col;
            freeBestCost = cost;
          }
        }
        let col = bestCol;
        let cost = bestCost;
        let holder = colRow[col]!;
        const raisesPrice = freeBestCol === -1 && best < second && secondCol >= 0;
        if (freeBestCol !== -1) {
          col = freeBestCol;
          cost = freeBestCost;
          holder = -1;
        } else if (raisesPrice) {
          potential[col] = potential[col]! - (second - best);
        } else if (secondCol >= 0) {
          // A tie between taken columns: take the second rather than start a zero-margin war.
          col = secondCol;
          cost = secondCost;
          holder = colRow[col]!;
        }
        if (holder !== -1) this.rowCol[holder] = -1;
        this.rowCol[row] = col;
        colRow[col] = row;
        this.#rowCost[row] = cost;
        if (holder !== -1) (raisesPrice ? now : later).push(holder);
      }
      for (let k = next; k < free.length; k += 1) later.push(free[k]!);
      later.push(...now);
      free = later;
    }
  }

  /**
   * Matches the unmatched `row` along a shortest augmenting path (to its dummy if need be).
   * Free columns end a path and are never queued: the search stops once nothing queued is
   * closer than the best free column seen, which on the plateaus of equal scores this problem
   * is full of saves most of the work.
   */
  assignRow(row: number): void {
    if (this.rowCol[row] !== -1) throw new Error(`row ${row} is already matched`);
    this.#stamp += 1;
    const reached = 2 * this.#stamp;
    const scannedMark = reached + 1;
    const potential = this.#potential;
    const colRow = this.#colRow;
    const rowStart = this.#rowStart;
    const rowLength = this.#rowLength;
    const edgeCol = this.#edgeCol;
    const edgeCost = this.#edgeCost;
    const dist = this.#dist;
    const mark = this.#mark;
    const pred = this.#pred;
    const predCost = this.#predCost;
    const scanned = this.#scanned;
    const dummyBase = this.colCount;
    const dummyCost = this.#dummyCost;
    let heapKeys = this.#heapKeys;
    let heapCols = this.#heapCols;
    let heapSize = 0;
    let bestFree = -1;
    let bestFreeDist = Number.POSITIVE_INFINITY;

    // Scans `from`'s edges (and its dummy) at distance `base` past its row potential.
    let from = row;
    let base = 0;
    let scannedCount = 0;
    for (;;) {
      const start = rowStart[from]!;
      const end = start + rowLength[from]!;
      for (let e = start; e <= end; e += 1) {
        const col = e < end ? edgeCol[e]! : dummyBase + from;
        const cost = e < end ? edgeCost[e]! : dummyCost;
        const state = mark[col]!;
        if (state === scannedMark) continue;
        const d = base + cost - potential[col]!;
        // Nothing at or beyond the best free column can be popped before the search ends.
        if (d >= bestFreeDist || (state === reached && d >= dist[col]!)) continue;
        mark[col] = reached;
        dist[col] = d;
        pred[col] = from;
        predCost[col] = cost;
        if (colRow[col] === -1) {
          if (d < bestFreeDist) {
            bestFreeDist = d;
            bestFree = col;
          }
          continue;
        }
        // Push onto the binary min-heap (lazy deletion: stale entries are skipped on pop).
        if (heapSize === heapKeys.length) {
          const keys = new Float64Array(2 * heapSize);
          keys.set(heapKeys);
          heapKeys = keys;
          this.#heapKeys = keys;
          const cols = new Int32Array(2 * heapSize);
          cols.set(heapCols);
          heapCols = cols;
          this.#heapCols = cols;
        }
        let at = heapSize;
        heapSize += 1;
        while (at > 0) {
          const parent = (at - 1) >> 1;
          if (heapKeys[parent]! <= d) break;
          heapKeys[at] = heapKeys[parent]!;
          heapCols[at] = heapCols[parent]!;
          at = parent;
        }
        heapKeys[at] = d;
        heapCols[at] = col;
      }

      // Pop the closest unscanned column, unless the best free one is at least as close.
      let col = -1;
      let d = 0;
      while (heapSize > 0 && heapKeys[0]! < bestFreeDist) {
        d = heapKeys[0]!;
        const top = heapCols[0]!;
        heapSize -= 1;
        if (heapSize > 0) {
          const key = heapKeys[heapSize]!;
          const last = heapCols[heapSize]!;
          let at = 0;
          for (;;) {
            let child = 2 * at + 1;
            if (child >= heapSize) break;
            if (child + 1 < heapSize && heapKeys[child + 1]! < heapKeys[child]!) child += 1;
            if (key <= heapKeys[child]!) break;
            heapKeys[at] = heapKeys[child]!;
            heapCols[at] = heapCols[child]!;
            at = child;
          }
          heapKeys[at] = key;
          heapCols[at] = last;
        }
        if (mark[top] === scannedMark || d > dist[top]!) continue;
        col = top;
        break;
      }
      if (col < 0) break;
      mark[col] = scannedMark;
      scanned[scannedCount] = col;
      scannedCount += 1;
      from = colRow[col]!;
      // The holder's matched edge has reduced cost 0, which fixes the holder's row potential.
      base = d - (this.#rowCost[from]! - potential[col]!);
    }

    // The row's own dummy is always free, so a free column was found.
    for (let k = 0; k < scannedCount; k += 1) {
      const col = scanned[k]!;
      potential[col] = potential[col]! + dist[col]! - bestFreeDist;
    }
    let col = bestFree;
    for (;;) {
      const owner = pred[col]!;
      const previous = this.rowCol[owner]!;
      this.rowCol[owner] = col;
      colRow[col] = owner;
      this.#rowCost[owner] = predCost[col]!;
      if (owner === row) break;
      col = previous;
    }
  }
}
