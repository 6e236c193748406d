import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BulwarkConfigError } from '@bulwark/core';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { fingerprint } from './canonical-json.ts';
import { changedFields, pinnedDefinition, toolFingerprint, type PinnedDefinition, type PinnedField } from './pinned-tool.ts';

const PinnedToolSchema = z.object({
  hash: z.string(),
  definition: z.looseObject({ name: z.string() }),
  pinnedAt: z.string(),
});
const PendingToolSchema = z.object({
  hash: z.string(),
  definition: z.looseObject({ name: z.string() }),
  seenAt: z.string(),
  /** Pinned fields that differ from the pin; empty for a tool name never pinned. */
  changed: z.array(z.string()),
});
const InstructionsSchema = z.object({ hash: z.string(), text: z.string() });
const ServerPinsSchema = z.object({
  pinnedAt: z.string(),
  instructions: InstructionsSchema.nullable(),
  tools: z.record(z.string(), PinnedToolSchema),
  pending: z.record(z.string(), PendingToolSchema).default({}),
  pendingInstructions: InstructionsSchema.extend({ seenAt: z.string() }).nullable().default(null),
});
/** The pin file: `<state dir>/pins.json`. */
export const PinFileSchema = z.object({ version: z.literal(1), servers: z.record(z.string(), ServerPinsSchema) });
/** The pin file. */
export type PinFile = z.infer<typeof PinFileSchema>;
/** One server's pins. */
export type ServerPins = z.infer<typeof ServerPinsSchema>;

/** What a server currently offers. */
export interface Catalog {
  readonly instructions?: string | undefined;
  readonly tools: readonly Tool[];
}

/** How one tool compares with its pin. */
export type ToolPinStatus =
  | { readonly status: 'pinned'; readonly hash: string }
  | { readonly status: 'changed'; readonly hash: string; readonly changed: readonly PinnedField[] }
  | { readonly status: 'new'; readonly hash: string };

/** A catalog compared with its pins. `changed` and `new` tools are quarantined until approved. */
export interface CatalogReview {
  /** True when this call pinned the server for the first time. */
  readonly firstUse: boolean;
  readonly tools: ReadonlyMap<string, ToolPinStatus>;
  /** `changed`: the server's instructions differ from the pinned ones and are withheld until approved. */
  readonly instructions: 'pinned' | 'changed' | 'none';
}

/** What `approve` moved from pending to pinned. */
export interface Approval {
  readonly server: string;
  /** A tool name, or `(instructions)`. */
  readonly item: string;
}

/** Trust-on-first-use pins of whole tool catalogs, kept in one JSON file, shared by every proxy session. */
export interface PinStore {
  readonly path: string;
  /** Compares a catalog with its pins: pins everything on first use; records changed and new tools as pending. */
  review(server: string, catalog: Catalog): CatalogReview;
  /** Pins what is pending (one tool, one server, or everything). */
  approve(server?: string, tool?: string): Approval[];
  /** Replaces a server's pins with its current catalog. */
  pin(server: string, catalog: Catalog): void;
  /** The current contents of the file. */
  snapshot(): PinFile;
  /** Changes whenever the file changes (another process approving, for example). */
  revision(): number;
}

/** Opens (or creates on first write) a pin file. A corrupt file is an error, never an empty trust store. */
export function openPinStore(path: string): PinStore {
  let data: PinFile = { version: 1, servers: {} };
  let loadedMtime = -1;

  function reload(): void {
    let mtime: number;
    try {
      mtime = statSync(path).mtimeMs;
    } catch {
      return;
    }
    if (mtime === loadedMtime) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new BulwarkConfigError(`${path}: pin file is not valid JSON (${(error as Error).message}); fix or remove it`);
    }
    const result = PinFileSchema.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new BulwarkConfigError(`${path}: pin file is invalid at ${issue?.path.map(String).join('.') || '(root)'}: ${issue?.message}`);
    }
    data = result.data;
    loadedMtime = mtime;
  }

  function save(): void {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, path);
    loadedMtime = statSync(path).mtimeMs;
  }

  function freshPins(catalog: Catalog, now: string): ServerPins {
    const tools: ServerPins['tools'] = {};
    for (const tool of catalog.tools) tools[tool.name] = { hash: toolFingerprint(tool), definition: pinnedDefinition(tool), pinnedAt: now };
    const instructions = catalog.instructions ? { hash: fingerprint(catalog.instructions), text: catalog.instructions } : null;
    return { pinnedAt: now, instructions, tools, pending: {}, pendingInstructions: null };
  }

  return {
    path,
    review(server, catalog) {
      reload();
      const now = new Date().toISOString();
      const existing = data.servers[server];
      if (!existing) {
        data.servers[server] = freshPins(catalog, now);
        save();
        const tools = new Map<string, ToolPinStatus>(catalog.tools.map((tool) => [tool.name, { status: 'pinned', hash: toolFingerprint(tool) }]));
        return { firstUse: true, tools, instructions: catalog.instructions ? 'pinned' : 'none' };
      }
      let dirty = false;
      const tools = new Map<string, ToolPinStatus>();
      for (const tool of catalog.tools) {
        const hash = toolFingerprint(tool);
        const pin = existing.tools[tool.name];
        if (pin?.hash === hash) {
          tools.set(tool.name, { status: 'pinned', hash });
          if (existing.pending[tool.name]) {
            // The server went back to the pinned definition: nothing is left to approve.
            delete existing.pending[tool.name];
            dirty = true;
          }
          continue;
        }
        const definition = pinnedDefinition(tool);
        const changed = pin ? changedFields(pin.definition as PinnedDefinition, definition) : [];
        tools.set(tool.name, pin ? { status: 'changed', hash, changed } : { status: 'new', hash });
        if (existing.pending[tool.name]?.hash !== hash) {
          existing.pending[tool.name] = { hash, definition, seenAt: now, changed };
          dirty = true;
        }
      }
      let instructions: CatalogReview['instructions'] = 'none';
      const instructionsHash = catalog.instructions ? fingerprint(catalog.instructions) : undefined;
      if (instructionsHash === (existing.instructions?.hash ?? undefined)) instructions = instructionsHash ? 'pinned' : 'none';
      else {
        instructions = 'changed';
        if (existing.pendingInstructions?.hash !== (instructionsHash ?? '')) {
          existing.pendingInstructions = { hash: instructionsHash ?? '', text: catalog.instructions ?? '', seenAt: now };
          dirty = true;
        }
      }
      if (dirty) save();
      return { firstUse: false, tools, instructions };
    },
    approve(server, tool) {
      reload();
      const approved: Approval[] = [];
      const now = new Date().toISOString();
      for (const [name, pins] of Object.entries(data.servers)) {
        if (server !== undefined && name !== server) continue;
        for (const [toolName, pending] of Object.entries(pins.pending)) {
          if (tool !== undefined && toolName !== tool) continue;
          pins.tools[toolName] = { hash: pending.hash, definition: pending.definition, pinnedAt: now };
          delete pins.pending[toolName];
          approved.push({ server: name, item: toolName });
        }
        if (pins.pendingInstructions && (tool === undefined || tool === '(instructions)')) {
          const { hash, text } = pins.pendingInstructions;
          pins.instructions = hash ? { hash, text } : null;
          pins.pendingInstructions = null;
          approved.push({ server: name, item: '(instructions)' });
        }
      }
      if (approved.length > 0) save();
      return approved;
    },
    pin(server, catalog) {
      reload();
      data.servers[server] = freshPins(catalog, new Date().toISOString());
      save();
    },
    snapshot() {
      reload();
      return structuredClone(data);
    },
    revision() {
      try {
        return statSync(path).mtimeMs;
      } catch {
        return -1;
      }
    },
  };
}
