/**
 * Gathers real benign documentation from this machine: READMEs and docs of packages in node_modules
 * (including pnpm's `.pnpm/<name>/node_modules/<package>` layout), `/usr/share/doc` text, man pages
 * (roff markup stripped) and other tool documentation trees (md/rst/txt). Such text is full of imperatives addressed to a human reader — the hard negatives
 * for tool-result scanning. Built at train/eval time; the text is never committed.
 *
 * Split (see {@link splitOf}): node_modules docs are split by package name, man pages by page name,
 * /usr/share/doc by path. Held-out documents are never used for training or thresholds.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { stableHash } from './split.ts';

/** Where a gathered document came from and how it is used. */
export type BenignCorpus = 'node_modules' | 'usr-share-doc' | 'man' | 'tool-docs';

/** One gathered benign document. */
export interface GatheredDocument {
  readonly corpus: BenignCorpus;
  readonly path: string;
  readonly text: string;
  /** `train`, `validation` (threshold choice) or `heldout` (never used in training; FPR only). */
  readonly split: 'train' | 'validation' | 'heldout';
}

/** Options of {@link gatherBenignDocuments}. */
export interface GatherOptions {
  /** node_modules folders to read (e.g. the repository's). */
  readonly nodeModulesDirectories: readonly string[];
  readonly docDirectory?: string;
  /** Further documentation trees (e.g. /usr/share/cmake-*, /usr/lib/google-cloud-sdk): md/rst/txt files. */
  readonly toolDocDirectories?: readonly string[];
  readonly manDirectory?: string;
  /** Caps per corpus, after a deterministic hash-ordered pick. */
  readonly maximumPerCorpus?: number;
  /** Documents are cut to this many characters. */
  readonly maximumCharacters?: number;
}

const docNamePattern = /^(readme|changelog|history|contributing|security|usage|guide|faq|news|migrat|upgrad)|\.(md|markdown|txt|rst)$/i;

function safeList(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch {
    return [];
  }
}

function isFile(filePath: string): boolean {
  try {
    return statSync(filePath).isFile();
  } catch {
    return false;
  }
}

/**
 * True for a package installed from the registry: its real path lies inside a node_modules folder. Workspace links
 * (`node_modules/@bulwark/core → packages/core`) are our own code and docs — which quote attacks on purpose and change
 * with every commit — so they are neither benign training text nor a stable corpus.
 */
function isInstalledPackage(folder: string): boolean {
  try {
    return realpathSync(folder).split(path.sep).includes('node_modules');
  } catch {
    return false;
  }
}

function packageFolders(nodeModules: string): string[] {
  const folders: string[] = [];
  const addScope = (directory: string) => {
    for (const name of safeList(directory)) {
      if (name.startsWith('.')) continue;
      const full = path.join(directory, name);
      const candidates = name.startsWith('@') ? safeList(full).map((inner) => path.join(full, inner)) : [full];
      folders.push(...candidates.filter(isInstalledPackage));
    }
  };
  addScope(nodeModules);
  const store = path.join(nodeModules, '.pnpm');
  for (const entry of safeList(store)) {
    const inner = path.join(store, entry, 'node_modules');
    if (existsSync(inner)) addScope(inner);
  }
  return folders;
}

function collectPackageDocs(nodeModules: string): string[] {
  const files = new Set<string>();
  for (const folder of packageFolders(nodeModules)) {
    for (const name of safeList(folder)) {
      const full = path.join(folder, name);
      if (docNamePattern.test(name) && isFile(full)) files.add(full);
    }
    for (const sub of ['docs', 'doc']) {
      const found: string[] = [];
      walk(path.join(folder, sub), (file) => /\.(md|markdown|txt)$/i.test(file), found, 3);
      for (const file of found) files.add(file);
    }
  }
  return [...files];
}

function walk(directory: string, accept: (filePath: string) => boolean, output: string[], depth = 0): void {
  if (depth > 6) return;
  for (const name of safeList(directory)) {
    const full = path.join(directory, name);
    let stats;
    try {
      stats = statSync(full);
    } catch {
      continue;
    }
    if (stats.isDirectory()) walk(full, accept, output, depth + 1);
    else if (stats.isFile() && stats.size < 2_000_000 && accept(full)) output.push(full);
  }
}

/** Strips roff/man markup to plain text. */
export function stripRoff(source: string): string {
  return source
    .split('\n')
    .filter((line) => !line.startsWith('.\\"') && !line.startsWith("'\\\""))
    .map((line) => (line.startsWith('.') ? line.replace(/^\.[A-Za-z]{1,3}\s?/, '').replace(/^\.\S*/, '') : line))
    .join('\n')
    .replace(/\\f[BIRPC0-9]|\\f\(..|\\f\[[^\]]*\]/g, '')
    .replace(/\\\(..|\\\[[^\]]*\]/g, ' ')
    .replace(/\\[-e&|^%]/g, (match) => (match === '\\-' ? '-' : match === '\\e' ? '\\' : ''))
    .replace(/\\s[-+]?\d/g, '')
    .replace(/\\\*\(?\S/g, '')
    .replace(/"/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function readText(filePath: string): string | undefined {
  try {
    const raw = readFileSync(filePath);
    const bytes = filePath.endsWith('.gz') ? gunzipSync(raw) : raw;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('latin1').decode(bytes);
    }
    if (text.includes('\u0000')) return undefined;
    return text;
  } catch {
    return undefined;
  }
}

function pick(paths: readonly string[], maximum: number): string[] {
  return [...paths]
    .sort((left, right) => stableHash(left) - stableHash(right) || left.localeCompare(right))
    .slice(0, maximum);
}

/** The package a node_modules file belongs to (`…/node_modules/@scope/name/README.md` → `@scope/name`). */
function packageName(filePath: string): string {
  const tail = filePath.slice(filePath.lastIndexOf('node_modules/') + 'node_modules/'.length).split('/');
  return tail[0]?.startsWith('@') ? `${tail[0]}/${tail[1] ?? ''}` : (tail[0] ?? filePath);
}

/** The man page's name without folder, section and compression (`apt-get.8.gz` → `apt-get`). */
function manPageName(filePath: string): string {
  return path.basename(filePath).replace(/\.gz$/, '').replace(/\.[^.]+$/, '');
}

/**
 * Deterministic split of a gathered document:
 * - node_modules READMEs/docs: by hash of the package name (every version of a package on one side),
 *   man pages by hash of the page name (every translation on one side), tool docs by path: 40% held out,
 *   10% validation, 50% training;
 * - /usr/share/doc: 20% validation by hash of the path, the rest training.
 */
export function splitOf(corpus: BenignCorpus, filePath: string): GatheredDocument['split'] {
  if (corpus === 'node_modules' || corpus === 'man' || corpus === 'tool-docs') {
    const key = corpus === 'man' ? manPageName(filePath) : corpus === 'node_modules' ? packageName(filePath) : filePath;
    const bucket = stableHash(key) % 10;
    return bucket < 4 ? 'heldout' : bucket === 4 ? 'validation' : 'train';
  }
  return stableHash(filePath) % 5 === 0 ? 'validation' : 'train';
}

/** Gathers the benign machine documents, deterministically for a given machine state. */
export function gatherBenignDocuments(options: GatherOptions): GatheredDocument[] {
  const maximumPerCorpus = options.maximumPerCorpus ?? 3000;
  const maximumCharacters = options.maximumCharacters ?? 20_000;
  const documents: GatheredDocument[] = [];
  const seenTexts = new Set<string>();
  const add = (corpus: BenignCorpus, filePath: string, text: string | undefined) => {
    if (text === undefined) return;
    const trimmed = text.slice(0, maximumCharacters).trim();
    if (trimmed.length < 80) return;
    // pnpm keeps one copy per version of a package: identical texts count once.
    const fingerprint = `${stableHash(trimmed)}:${trimmed.length}`;
    if (seenTexts.has(fingerprint)) return;
    seenTexts.add(fingerprint);
    const split = splitOf(corpus, filePath);
    documents.push({ corpus, path: filePath, text: trimmed, split });
  };
  const packageDocs = new Set<string>();
  for (const directory of options.nodeModulesDirectories) for (const file of collectPackageDocs(directory)) packageDocs.add(file);
  for (const file of pick([...packageDocs], maximumPerCorpus)) add('node_modules', file, readText(file));

  const docFiles: string[] = [];
  walk(options.docDirectory ?? '/usr/share/doc', (file) => !/copyright$/i.test(file) && /(readme|news|changelog|\.txt|\.md)(\.gz)?$/i.test(path.basename(file)) && !/\.(html|png|svg)/.test(file), docFiles);
  for (const file of pick(docFiles, maximumPerCorpus)) add('usr-share-doc', file, readText(file));

  const toolDocFiles: string[] = [];
  for (const directory of options.toolDocDirectories ?? []) {
    walk(directory, (file) => /\.(md|rst|txt)$/i.test(file) || /^readme/i.test(path.basename(file)), toolDocFiles);
  }
  for (const file of pick(toolDocFiles, maximumPerCorpus)) add('tool-docs', file, readText(file));

  const manFiles: string[] = [];
  walk(options.manDirectory ?? '/usr/share/man', (file) => /\.\d\w*(\.gz)?$/.test(file), manFiles);
  // gcloud generates ~70% of this machine's man pages; cap them so the held-out set stays varied.
  const gcloudPages = manFiles.filter((file) => path.basename(file).startsWith('gcloud'));
  const otherPages = manFiles.filter((file) => !path.basename(file).startsWith('gcloud'));
  const gcloudShare = Math.floor(maximumPerCorpus / 10);
  const manPicked = [...pick(otherPages, maximumPerCorpus - gcloudShare), ...pick(gcloudPages, gcloudShare)];
  for (const file of manPicked) {
    const text = readText(file);
    if (text === undefined || text.startsWith('.so ')) continue;
    add('man', file, stripRoff(text));
  }
  return documents;
}
