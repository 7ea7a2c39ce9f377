/**
 * The direction of imports (see ARCHITECTURE.md), checked by `npm run lint:deps` in CI:
 * commands → features → domain; src/db, src/discord and src/jobs are adapters that implement the
 * ports features declare; only the composition root (src/main.ts, src/app) wires them together.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const DRIVERS = "^node_modules/(discord\\.js|@discordjs|@prisma|bullmq|ioredis|pg|better-sqlite3)/";

module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "Two files that import each other at run time cannot be understood or tested apart.",
      from: { path: "^(src|commands|scripts)/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "domain-is-pure",
      severity: "error",
      comment: "The domain owns its types and rules: no database, Discord, queues, use-cases or app.",
      from: { path: "^src/domain/" },
      to: { path: ["^src/(?!domain/)", "^(commands|scripts|test|prisma)/", DRIVERS] },
    },
    {
      name: "features-use-ports",
      severity: "error",
      comment: "A use-case reaches the database, Discord and queues only through the ports it declares.",
      from: { path: "^src/features/" },
      to: {
        path: [
          "^src/(db|discord|jobs|app|redis|observability|storage)/",
          "^(commands|scripts|test|prisma)/",
          DRIVERS,
        ],
      },
    },
    {
      name: "storage-is-a-leaf-adapter",
      severity: "error",
      comment: "The file store and downloader implement feature ports; they know nothing of the rest.",
      from: { path: "^src/storage/" },
      to: { path: ["^src/(db|discord|jobs|app|redis)/", "^(commands|scripts|test|prisma)/", DRIVERS] },
    },
    {
      name: "commands-parse-and-render",
      severity: "error",
      comment: "Commands call use-cases from the handler context; they never touch the database.",
      from: { path: "^commands/" },
      to: { path: ["^src/db/", "^prisma/", "^node_modules/@prisma/"] },
    },
    {
      name: "adapters-do-not-climb",
      severity: "error",
      comment: "The database, Discord and job adapters never import commands or each other's insides.",
      from: { path: "^src/(db|discord|jobs|redis|observability|i18n|config)/" },
      to: { path: "^commands/" },
    },
    {
      name: "db-below-discord-and-jobs",
      severity: "error",
      comment: "Repositories know nothing of Discord, queues or use-case wiring.",
      from: { path: "^src/db/" },
      to: {
        path: ["^src/(discord|jobs|app|redis)/", "^node_modules/(discord\\.js|@discordjs|bullmq|ioredis)/"],
      },
    },
    {
      name: "jobs-do-not-reach-into-discord-flows",
      severity: "error",
      comment: "Job handlers call use-cases; Discord interaction flows enqueue jobs, never the reverse.",
      from: { path: "^src/jobs/" },
      to: { path: "^src/discord/(?!errors\\.ts)" },
    },
    {
      name: "src-does-not-import-scripts-or-tests",
      severity: "error",
      from: { path: "^(src|commands)/" },
      to: { path: "^(scripts|test)/" },
    },
    {
      name: "scripts-do-not-import-tests",
      severity: "error",
      comment: "What the sandbox, benchmarks and tests share lives in scripts/harness.",
      from: { path: "^scripts/" },
      to: { path: "^test/" },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "^prisma/generated/"] },
    exclude: { path: "^dist/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js", ".mjs", ".json"] },
  },
};
