import { readFileSync } from "node:fs";

/** taiken's version, from package.json (read once; the file sits at the project root in src and dist alike). */
export const VERSION: string = (() => {
  for (const candidate of ["../../package.json", "../../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, import.meta.url), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "taiken" && pkg.version) return pkg.version;
    } catch {
      // Not at this depth: try the next candidate (src/app vs dist/src/app).
    }
  }
  return "unknown";
})();
