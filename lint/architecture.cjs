// @ts-check
/**
 * The architecture as lint rules (registered as `arch/*` in eslint.config.mjs, so `npm run check` and CI
 * fail when a boundary is crossed). The layers, lowest first:
 *
 *   libs/                 the scheme-agnostic kernel; libs/engine is pure (no I/O)
 *   src/runtime/          the transition runtime: features register effect handlers into it
 *   src/<feature>/        features (applications, budget, calls, deadlines, …) on the kernel
 *   src/schemes/<id>/     scheme plug-ins: the kernel, their own folder and the scheme contract only
 *   src/*.ts, src/seed/   composition roots: may import anything in src/ and libs/
 *   test/, bench/         may import anything
 *
 * Every rule resolves an import the way TypeScript does (relative paths, tsconfig `paths` such as
 * `@lib/*`, and `baseUrl` specifiers such as `src/…`), so an alias cannot hide a crossing.
 * test/lint/boundaries.spec.ts shows each rule firing.
 */
const fs = require('node:fs');
const path = require('node:path');
const { builtinModules } = require('node:module');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..');

// ---------------------------------------------------------------------------------------------------
// Policy: what each rule allows. Keep these lists short; each entry says why.
// ---------------------------------------------------------------------------------------------------

/**
 * What libs/engine may import besides its own files. The engine decides and returns effects as data;
 * anything that talks to a database, a queue, the network or the disk belongs to the runtime in src/.
 */
const ENGINE_ALLOWED = {
  xstate: 'the machines',
  'class-validator': 'validation decorators on definition DTOs',
  'class-transformer': 'nested DTO types',
  '@lib/common': 'value types: money, dates, actors, DTO decorators',
};
/** @nestjs/swagger is allowed for its `Api*` decorators only (documentation metadata, no I/O). */
const ENGINE_SWAGGER = '@nestjs/swagger';

/**
 * Top-level folders of src/ that are platform, not features: shared infrastructure any feature may use
 * (config, database, redis, queue, health, idempotency), the seed (a composition root like
 * app.module.ts) and ambient types. Every other folder of src/ is a feature.
 */
const PLATFORM = new Set(['config', 'database', 'redis', 'queue', 'health', 'idempotency', 'seed', 'types']);

/**
 * A feature's public face: its Nest module and the providers, repositories, entities, DTOs and
 * decorators named by their role suffix, plus an `index.ts`. Everything else in the folder (runners,
 * helpers, timers, hashers) is internal to it.
 */
const PUBLIC_ROLE = /(?:^index|\.(?:module|service|repository|entity|dto|decorators?))$/;

/** Files public beyond their suffix: the scheme registry and contract are how features reach schemes. */
const PUBLIC_FILES = new Set(['src/schemes/scheme-registry', 'src/schemes/scheme-plugin']);

/**
 * Crossings into another feature's internals that exist for a while and are being removed: the
 * internal file reached, the files that reach it (their specs may do the same), and why they still do.
 * None today. Delete a file when its crossing goes; the rule then keeps it gone
 * (test/lint/boundaries.spec.ts fails on a listed import that no longer exists).
 * @type {Array<{ to: string, from: string[], reason: string }>}
 */
const KNOWN_CROSSINGS = [];

/** Files that may spell out one day in milliseconds: the one definition, `DAY_MS`. */
const DAY_MS_HOME = 'libs/common/src/calendar/dates.ts';
const DAY_MS = 86_400_000;

/** Packages only tests may import, besides every devDependency in package.json. */
const TEST_PACKAGES = new Set(['jest', '@jest/globals', '@nestjs/testing', 'supertest']);

// ---------------------------------------------------------------------------------------------------
// Resolving imports
// ---------------------------------------------------------------------------------------------------

const tsconfig = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile).config ?? {};
const compilerOptions = tsconfig.compilerOptions ?? {};
const BASE_URL = path.resolve(ROOT, compilerOptions.baseUrl ?? '.');
/** @type {Record<string, string[]>} */
const PATHS = compilerOptions.paths ?? {};
/** Top-level folders a bare `baseUrl` specifier can reach (`src/…`, `libs/…`). */
const BASE_URL_ROOTS = new Set(
  (tsconfig.include ?? []).map((/** @type {string} */ entry) => entry.split('/')[0]),
);
const DEV_PACKAGES = new Set(
  Object.keys(
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).devDependencies ?? {},
  ).filter((name) => !name.startsWith('@types/')),
);
const BUILTINS = new Set(builtinModules);

/**
 * @typedef {{ kind: 'file', file: string }} FileTarget  root-relative path without extension
 * @typedef {{ kind: 'package', name: string, specifier: string }} PackageTarget
 */

/** Root-relative, extension-less, with `/index` for a folder: `src/schemes/bio/index`. */
function normalise(/** @type {string} */ absolute) {
  let file = absolute.replace(/\.(?:d\.)?[cm]?[jt]sx?$/, '');
  if (!fs.existsSync(`${file}.ts`) && fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    file = path.join(file, 'index');
  }
  return path.relative(ROOT, file).split(path.sep).join('/');
}

/** @returns {FileTarget | PackageTarget} */
function resolve(/** @type {string} */ specifier, /** @type {string} */ importer) {
  if (specifier.startsWith('.')) {
    return { kind: 'file', file: normalise(path.resolve(path.dirname(importer), specifier)) };
  }
  for (const [pattern, targets] of Object.entries(PATHS)) {
    const star = pattern.indexOf('*');
    const prefix = star < 0 ? pattern : pattern.slice(0, star);
    const suffix = star < 0 ? '' : pattern.slice(star + 1);
    const matches =
      star < 0
        ? specifier === pattern
        : specifier.startsWith(prefix) &&
          specifier.endsWith(suffix) &&
          specifier.length >= prefix.length + suffix.length;
    if (matches && targets.length > 0) {
      const captured = star < 0 ? '' : specifier.slice(prefix.length, specifier.length - suffix.length);
      return { kind: 'file', file: normalise(path.resolve(BASE_URL, targets[0].replace('*', captured))) };
    }
  }
  const first = specifier.split('/')[0];
  if (BASE_URL_ROOTS.has(first)) return { kind: 'file', file: normalise(path.resolve(BASE_URL, specifier)) };
  const bare = specifier.replace(/^node:/, '');
  if (BUILTINS.has(bare) || BUILTINS.has(bare.split('/')[0])) {
    return { kind: 'package', name: `node:${bare.split('/')[0]}`, specifier };
  }
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : first;
  return { kind: 'package', name, specifier };
}

/** The importing file, root-relative and extension-less, or null when it lies outside the project. */
function importerOf(/** @type {import('eslint').Rule.RuleContext} */ context) {
  const relative = path.relative(ROOT, context.filename);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative
    .split(path.sep)
    .join('/')
    .replace(/\.(?:d\.)?[cm]?[jt]sx?$/, '');
}

/**
 * Calls `check(node, specifier, importNames)` for every import, export-from, dynamic import, require(),
 * `import x = require()` and `import('…')` type of the file.
 * @param {(node: any, specifier: string, importNames: string[] | null) => void} check
 *   importNames: the named imports, or null when the whole module is taken (namespace, default, side effect).
 */
function onImports(check) {
  /** @param {any} node @param {any} source */
  const literal = (node, source, /** @type {string[] | null} */ names = null) => {
    if (source && source.type === 'Literal' && typeof source.value === 'string')
      check(node, source.value, names);
  };
  return {
    ImportDeclaration(/** @type {any} */ node) {
      const named = node.specifiers.every((/** @type {any} */ s) => s.type === 'ImportSpecifier');
      const names =
        named && node.specifiers.length > 0
          ? node.specifiers.map((/** @type {any} */ s) =>
              s.imported.type === 'Identifier' ? s.imported.name : s.imported.value,
            )
          : null;
      literal(node, node.source, names);
    },
    ExportNamedDeclaration(/** @type {any} */ node) {
      literal(node, node.source);
    },
    ExportAllDeclaration(/** @type {any} */ node) {
      literal(node, node.source);
    },
    ImportExpression(/** @type {any} */ node) {
      literal(node, node.source);
    },
    TSImportType(/** @type {any} */ node) {
      // typescript-eslint 8.x names the string `source`; older versions wrap it in `argument`.
      if (node.source) literal(node, node.source);
      else literal(node, node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument);
    },
    TSExternalModuleReference(/** @type {any} */ node) {
      literal(node, node.expression);
    },
    CallExpression(/** @type {any} */ node) {
      if (
        node.callee.type === 'Identifier' &&
        node.callee.name === 'require' &&
        node.arguments.length === 1
      ) {
        literal(node, node.arguments[0]);
      }
    },
  };
}

const isUnder = (/** @type {string} */ file, /** @type {string} */ folder) => file.startsWith(`${folder}/`);

/** Tests, test kits and factories: the files allowed to import test code. */
function isTestCode(/** @type {string} */ file) {
  return (
    /\.(?:e2e-)?spec$/.test(file) ||
    /-testing$/.test(file) ||
    isUnder(file, 'test') ||
    isUnder(file, 'bench') ||
    /^libs\/[^/]+\/src\/testing(?:\/|$)/.test(file) ||
    /^libs\/testing\//.test(file)
  );
}

/** The feature folder of a file in src/ (`budget`), or null for platform folders and root files. */
function featureOf(/** @type {string} */ file) {
  const parts = file.split('/');
  if (parts[0] !== 'src' || parts.length < 3 || PLATFORM.has(parts[1])) return null;
  return parts[1];
}

const SCHEME_FILE = /^src\/schemes\/([^/]+)\//;

/**
 * The transition runtime (src/runtime) is a kernel part in src/: features register into it, it never
 * reaches up into them. Besides platform folders it may use only the audit records it appends in the
 * transition's own transaction.
 */
const RUNTIME = 'runtime';
const RUNTIME_MAY_USE = new Set(['audit']);

/**
 * The scheme contract in src/schemes/ that a scheme may import: the plug-in type and the JSON Schema
 * view of its DTOs. Not the registry (it lists every scheme, so importing it imports all the others),
 * nor the module or controller.
 */
const SCHEME_CONTRACT = new Set(['src/schemes/scheme-plugin', 'src/schemes/scheme-schemas']);

/**
 * @param {string} description
 * @param {Record<string, string>} messages
 * @param {(context: import('eslint').Rule.RuleContext, importer: string) => import('eslint').Rule.RuleListener | null} create
 * @returns {import('eslint').Rule.RuleModule}
 */
function rule(description, messages, create) {
  return {
    meta: { type: 'problem', docs: { description }, schema: [], messages },
    create(context) {
      const importer = importerOf(context);
      return (importer !== null && create(context, importer)) || {};
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------------

const layers = rule(
  'libs/ is the kernel: it never imports src/, test/ or bench/',
  { up: "libs/ must not import '{{specifier}}' ({{target}}): the kernel never depends on {{layer}}/." },
  (context, importer) => {
    if (!isUnder(importer, 'libs')) return null;
    return onImports((node, specifier) => {
      const target = resolve(specifier, context.filename);
      if (target.kind !== 'file') return;
      const layer = target.file.split('/')[0];
      if (layer === 'src' || layer === 'test' || layer === 'bench') {
        context.report({ node, messageId: 'up', data: { specifier, target: target.file, layer } });
      }
    });
  },
);

const engineWithoutIo = rule(
  'libs/engine imports only its own files and an allowlist of pure packages',
  {
    io: "libs/engine is pure: '{{specifier}}' is not on its allowlist ({{allowed}}) in lint/architecture.cjs.",
    swagger: 'libs/engine may take only the Api* decorators from @nestjs/swagger, not {{names}}.',
  },
  (context, importer) => {
    if (!isUnder(importer, 'libs/engine')) return null;
    const allowed = [...Object.keys(ENGINE_ALLOWED), `${ENGINE_SWAGGER} (Api* decorators)`].join(', ');
    return onImports((node, specifier, names) => {
      const target = resolve(specifier, context.filename);
      if (target.kind === 'file') {
        if (isUnder(target.file, 'libs/engine')) return;
        if (Object.hasOwn(ENGINE_ALLOWED, specifier)) return;
        context.report({ node, messageId: 'io', data: { specifier, allowed } });
        return;
      }
      if (target.name === ENGINE_SWAGGER && target.specifier === ENGINE_SWAGGER) {
        const wrong = names === null ? ['the whole module'] : names.filter((name) => !/^Api[A-Z]/.test(name));
        if (wrong.length > 0)
          context.report({ node, messageId: 'swagger', data: { names: wrong.join(', ') } });
        return;
      }
      if (!Object.hasOwn(ENGINE_ALLOWED, target.specifier)) {
        context.report({ node, messageId: 'io', data: { specifier, allowed } });
      }
    });
  },
);

const schemeIsolation = rule(
  'a scheme imports only its own folder, the scheme contract in src/schemes/ and libs/',
  {
    otherScheme:
      "Scheme '{{scheme}}' must not import scheme '{{other}}' ('{{specifier}}'): share through libs/.",
    outside:
      "Scheme '{{scheme}}' must not import '{{specifier}}' ({{target}}): a scheme sees only libs/ and the scheme contract.",
  },
  (context, importer) => {
    const own = SCHEME_FILE.exec(importer);
    if (!own) return null;
    const scheme = own[1];
    return onImports((node, specifier) => {
      const target = resolve(specifier, context.filename);
      if (target.kind !== 'file' || isUnder(target.file, 'libs')) return;
      // Tests beside a scheme may use the shared test support; the no-test-code rule keeps production clean.
      if (isTestCode(importer) && isUnder(target.file, 'test')) return;
      const other = SCHEME_FILE.exec(target.file);
      if (other) {
        if (other[1] !== scheme) {
          context.report({ node, messageId: 'otherScheme', data: { scheme, other: other[1], specifier } });
        }
        return;
      }
      if (SCHEME_CONTRACT.has(target.file)) return;
      context.report({ node, messageId: 'outside', data: { scheme, specifier, target: target.file } });
    });
  },
);

const noTestCodeInProduction = rule(
  'production code never imports tests, test kits, *-testing factories or dev-only packages',
  {
    testFile: "Production code must not import '{{specifier}}' ({{target}}): it is test code.",
    devPackage: "Production code must not import '{{specifier}}': it is a test or development package.",
  },
  (context, importer) => {
    if (!(isUnder(importer, 'src') || isUnder(importer, 'libs')) || isTestCode(importer)) return null;
    return onImports((node, specifier) => {
      const target = resolve(specifier, context.filename);
      if (target.kind === 'file') {
        if (isTestCode(target.file)) {
          context.report({ node, messageId: 'testFile', data: { specifier, target: target.file } });
        }
      } else if (DEV_PACKAGES.has(target.name) || TEST_PACKAGES.has(target.name)) {
        context.report({ node, messageId: 'devPackage', data: { specifier } });
      }
    });
  },
);

const featurePublicFace = rule(
  'a feature reaches another feature only through its public face (module, services, entities, DTOs…)',
  {
    internal:
      "'{{target}}' is internal to {{feature}}: reach it through its module, a service, repository, entity, DTO, " +
      'decorator or index.ts (lint/architecture.cjs, PUBLIC_ROLE).',
    scheme:
      "Features reach schemes through src/schemes/scheme-registry, never a scheme's own files ('{{specifier}}').",
  },
  (context, importer) => {
    const feature = featureOf(importer);
    if (feature === null || SCHEME_FILE.test(importer)) return null;
    return onImports((node, specifier) => {
      const target = resolve(specifier, context.filename);
      if (target.kind !== 'file') return;
      const other = featureOf(target.file);
      if (other === null || other === feature) return;
      if (isTestCode(importer) && isTestCode(target.file)) return;
      if (SCHEME_FILE.test(target.file)) {
        context.report({ node, messageId: 'scheme', data: { specifier } });
        return;
      }
      if (PUBLIC_ROLE.test(path.posix.basename(target.file)) || PUBLIC_FILES.has(target.file)) return;
      const known = KNOWN_CROSSINGS.some(
        (c) =>
          c.to === target.file && c.from.some((from) => importer === from || importer === `${from}.spec`),
      );
      if (!known)
        context.report({ node, messageId: 'internal', data: { target: target.file, feature: other } });
    });
  },
);

/** Number literals in a multiplication chain whose product is a whole number of days in milliseconds. */
function literalFactorsProduct(/** @type {any} */ node) {
  /** @type {number[]} */
  const factors = [];
  const walk = (/** @type {any} */ n) => {
    if (n.type === 'BinaryExpression' && n.operator === '*') {
      walk(n.left);
      walk(n.right);
    } else if (n.type === 'Literal' && typeof n.value === 'number') factors.push(n.value);
  };
  walk(node);
  return factors;
}

const oneDayConstant = rule(
  'one day in milliseconds is written once, as DAY_MS in libs/common/src/calendar/dates.ts',
  { handWritten: 'Use DAY_MS from @lib/common instead of a hand-written day in milliseconds ({{text}}).' },
  (context, importer) => {
    if (`${importer}.ts` === DAY_MS_HOME) return null;
    const source = context.sourceCode;
    return {
      Literal(/** @type {any} */ node) {
        if (node.value === DAY_MS)
          context.report({ node, messageId: 'handWritten', data: { text: node.raw } });
      },
      BinaryExpression(/** @type {any} */ node) {
        if (node.operator !== '*') return;
        const parent = node.parent;
        if (parent && parent.type === 'BinaryExpression' && parent.operator === '*') return; // the outermost only
        const factors = literalFactorsProduct(node);
        if (factors.length < 2 || factors.includes(DAY_MS)) return;
        const product = factors.reduce((a, b) => a * b, 1);
        // Also with variables in the chain (`days * 24 * 60 * 60 * 1000`): still a day spelled out.
        if (product !== 0 && product % DAY_MS === 0) {
          context.report({ node, messageId: 'handWritten', data: { text: source.getText(node) } });
        }
      },
    };
  },
);

const runtimeBelowFeatures = rule(
  'the transition runtime (src/runtime) imports no feature: features register into it',
  {
    feature:
      "src/runtime is below the features: '{{specifier}}' is in {{feature}}. Let the feature register a handler " +
      'instead (lint/architecture.cjs, RUNTIME_MAY_USE).',
  },
  (context, importer) => {
    if (featureOf(importer) !== RUNTIME || isTestCode(importer)) return null;
    return onImports((node, specifier) => {
      const target = resolve(specifier, context.filename);
      if (target.kind !== 'file') return;
      const other = featureOf(target.file);
      if (other === null || other === RUNTIME || RUNTIME_MAY_USE.has(other)) return;
      context.report({ node, messageId: 'feature', data: { specifier, feature: `src/${other}` } });
    });
  },
);

module.exports = {
  meta: { name: 'architecture' },
  // For test/lint/boundaries.spec.ts, which checks that every known crossing still exists.
  KNOWN_CROSSINGS,
  resolveImport: resolve,
  rules: {
    layers: layers,
    'engine-without-io': engineWithoutIo,
    'scheme-isolation': schemeIsolation,
    'no-test-code-in-production': noTestCodeInProduction,
    'feature-public-face': featurePublicFace,
    'runtime-below-features': runtimeBelowFeatures,
    'one-day-constant': oneDayConstant,
  },
  /** The rule set eslint.config.mjs turns on for every TypeScript file. */
  rulesConfig: {
    'arch/layers': 'error',
    'arch/engine-without-io': 'error',
    'arch/scheme-isolation': 'error',
    'arch/no-test-code-in-production': 'error',
    'arch/feature-public-face': 'error',
    'arch/runtime-below-features': 'error',
    'arch/one-day-constant': 'error',
  },
};
