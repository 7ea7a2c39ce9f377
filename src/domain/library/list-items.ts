/**
 * Where each assignment of a large YAML or JSON list starts and ends, found with the `yaml`
 * package's lexer alone (a stream of token strings: no syntax tree, nothing kept).
 *
 * Why: a full document of a 5,000-assignment file (the CST, then the node tree with ranges the
 * line numbers come from) takes hundreds of megabytes. With the items located, the parser reads
 * one item at a time, each in the file's own context (`head + item + tail`: the text before the
 * list, that one item, the text after it), so only one small tree is alive at once.
 *
 * The lexer only finds boundaries; every value still comes from the real parser. Anything this
 * scan does not recognise returns null and the caller reads the file whole, as before.
 */
import { CST, Lexer } from "yaml";

/** The list's items as offsets in the source, and the context each one is read in. */
export interface ListLayout {
  /** The source before the list's first item (ends at a line start, or just after `[`). */
  readonly head: string;
  /** The source after the list's last item (from a line start, or from `]`). */
  readonly tail: string;
  /** `[start, end)` of each item in the source; together with head and tail they cover it all. */
  readonly items: ReadonlyArray<readonly [number, number]>;
}

const KEY = "assignments";
const isKey = (token: string) => token === KEY || token === `"${KEY}"` || token === `'${KEY}'`;

type Phase = "root" | "root-map" | "after-key" | "after-colon" | "block-list" | "flow-list";

/**
 * The items of the file's list (the root sequence, or the root mapping's `assignments:`), block
 * (`- ` lines) or flow (`[…, …]`, JSON); null when the file is shaped otherwise (no list, an
 * empty one, anchors or tags where the list should be, a lexer error…).
 */
export function locateListItems(source: string): ListLayout | null {
  let phase: Phase = "root";
  let offset = 0;
  let lineStart = 0;
  let lineHasContent = false;
  let depth = 0;
  let scalarNext = false;
  let blockScalarNext = false;
  let flowRoot = false;
  let expectFlowKey = false;
  let keyColumn = -1;
  let listColumn = -1;
  let listDepth = -1;
  let headEnd = -1;
  let tailStart = -1;
  let itemStart = -1;
  const starts: number[] = [];
  const flowItems: Array<readonly [number, number]> = [];

  for (const token of new Lexer().lex(source)) {
    if (token === CST.DOCUMENT) continue;
    if (token === CST.FLOW_END) return null;
    if (token === CST.SCALAR) {
      scalarNext = true;
      continue;
    }
    const start = offset;
    offset += token.length;
    if (!source.startsWith(token, start)) return null;
    const type = scalarNext ? "scalar" : CST.tokenType(token);
    scalarNext = false;
    // A block scalar's content continues the line of its `|` / `>` header.
    const continuation = type === "scalar" && blockScalarNext;
    if (type === "block-scalar-header") blockScalarNext = true;
    else if (type === "scalar") blockScalarNext = false;
    const significant =
      type !== "space" && type !== "newline" && type !== "comment" && type !== "byte-order-mark";
    const lead = significant && !continuation && !lineHasContent;
    const column = start - lineStart;
    const depthBefore = depth;
    if (type === "flow-seq-start" || type === "flow-map-start") depth += 1;
    if (type === "flow-seq-end" || type === "flow-map-end") depth -= 1;

    if (significant) {
      switch (phase) {
        case "root":
          if (type === "doc-start" || type === "directive-line") break;
          if (type === "seq-item-ind" && lead) {
            listColumn = column;
            headEnd = lineStart;
            starts.push(lineStart);
            phase = "block-list";
          } else if (type === "flow-seq-start") {
            listDepth = depth;
            headEnd = offset;
            itemStart = offset;
            phase = "flow-list";
          } else if (type === "flow-map-start") {
            flowRoot = true;
            expectFlowKey = true;
            phase = "root-map";
          } else if (lead && (type === "scalar" || type?.endsWith("-quoted-scalar"))) {
            keyColumn = column;
            phase = isKey(token) ? "after-key" : "root-map";
          } else {
            return null;
          }
          break;
        case "root-map":
          if (flowRoot) {
            if (depthBefore === 1 && expectFlowKey && isKey(token)) phase = "after-key";
            expectFlowKey = depth === 1 && (type === "comma" || type === "flow-map-start");
          } else if (lead && depthBefore === 0) {
            // Deeper lines are values; a `-` at the keys' column is a list value (`tags:\n- x`).
            if (column < keyColumn) return null;
            if (column === keyColumn && type !== "seq-item-ind" && isKey(token)) phase = "after-key";
          }
          break;
        case "after-key":
          if (type !== "map-value-ind") return null;
          phase = "after-colon";
          break;
        case "after-colon":
          if (type === "seq-item-ind" && lead && !flowRoot && column >= keyColumn) {
            listColumn = column;
            headEnd = lineStart;
            starts.push(lineStart);
            phase = "block-list";
          } else if (type === "flow-seq-start") {
            listDepth = depth;
            headEnd = offset;
            itemStart = offset;
            phase = "flow-list";
          } else {
            return null;
          }
          break;
        case "block-list":
          if (lead && depthBefore === 0) {
            if (column === listColumn && type === "seq-item-ind") starts.push(lineStart);
            else if (column <= listColumn) tailStart = lineStart;
          }
          break;
        case "flow-list":
          if (depthBefore === listDepth && type === "comma") {
            flowItems.push([itemStart, start]);
            itemStart = offset;
          } else if (depthBefore === listDepth && type === "flow-seq-end") {
            flowItems.push([itemStart, start]);
            tailStart = start;
          }
          break;
      }
    }
    if (tailStart !== -1) break;
    const newline = token.lastIndexOf("\n");
    if (newline !== -1) {
      lineStart = start + newline + 1;
      lineHasContent = /\S/.test(token.slice(newline + 1));
    } else if (significant) {
      lineHasContent = true;
    }
  }

  let items: Array<readonly [number, number]>;
  if (phase === "block-list") {
    if (tailStart === -1) {
      if (offset !== source.length) return null;
      tailStart = source.length;
    }
    items = starts.map((begin, i) => [begin, starts[i + 1] ?? tailStart] as const);
  } else if (phase === "flow-list" && tailStart !== -1) {
    items = flowItems;
  } else {
    return null;
  }
  // An empty slot (`[]`, a trailing comma) has no item to read on its own.
  if (items.length === 0 || items.some(([begin, end]) => !/[^\s,]/.test(source.slice(begin, end))))
    return null;
  return { head: source.slice(0, headEnd), tail: source.slice(tailStart), items };
}
