/**
 * Access to the files of a Slack export, whether unpacked in a folder or still in its ZIP (read with yauzl,
 * which reads the ZIP's central directory and inflates one entry at a time: the archive is never loaded
 * whole). Paths are `/`-separated and relative to the export root; a ZIP whose files all sit under one
 * top folder is read from that folder.
 *
 * @module
 */

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import yauzl from 'yauzl';
import { FormatError } from '../../errors.js';

/** The files of an export. */
export interface ExportFiles {
  /** Every file path, sorted. */
  paths: string[];
  /** Reads one file whole. */
  read(path: string): Promise<Buffer>;
  close(): void;
}

function listFolder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory() && depth < 2) walk(full, depth + 1);
      else if (entry.isFile()) out.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(root, 0);
  return out.sort();
}

/** Opens an export folder. */
export function openExportFolder(root: string): ExportFiles {
  return {
    paths: listFolder(root),
    read: async (path) => readFileSync(join(root, ...path.split('/'))),
    close: () => {},
  };
}

/** Opens an export ZIP. */
export async function openExportZip(path: string, module: string): Promise<ExportFiles> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, z) => (err ? reject(err) : resolve(z))),
  ).catch((cause: unknown) => {
    throw new FormatError('MALFORMED_INPUT', `the ZIP cannot be opened (${(cause as Error).message})`, {
      module,
      location: { file: path },
      hint: 'the download is probably incomplete; download the export again',
      cause,
    });
  });
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  }).catch((cause: unknown) => {
    zip.close();
    throw new FormatError('MALFORMED_INPUT', `the ZIP is damaged (${(cause as Error).message})`, {
      module,
      location: { file: path },
      hint: 'download the export again',
      cause,
    });
  });
  // one top folder holding everything: read from inside it
  const names = [...entries.keys()];
  const tops = new Set(names.map((n) => (n.includes('/') ? n.slice(0, n.indexOf('/') + 1) : '')));
  const prefix = tops.size === 1 && !tops.has('') ? ([...tops][0] as string) : '';
  const paths = names.map((n) => n.slice(prefix.length)).sort();
  return {
    paths,
    read: (p) =>
      new Promise<Buffer>((resolve, reject) => {
        const entry = entries.get(prefix + p);
        if (!entry) {
          reject(new Error(`no entry ${p}`));
          return;
        }
        zip.openReadStream(entry, (err, stream) => {
          if (err) {
            reject(err);
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => resolve(Buffer.concat(chunks)));
          stream.on('error', reject);
        });
      }),
    close: () => zip.close(),
  };
}

/** Whether a folder looks like a Slack export (users.json or org_users.json, and channels.json or dms.json). */
export function isExportFolder(path: string): boolean {
  if (!existsSync(path) || !statSync(path).isDirectory()) return false;
  const has = (f: string) => existsSync(join(path, f));
  return (
    (has('users.json') || has('org_users.json')) && (has('channels.json') || has('groups.json') || has('dms.json'))
  );
}
