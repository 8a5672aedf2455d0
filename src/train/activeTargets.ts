import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinTarget } from '../targets/index.ts';
import type { Target } from '../targets/types.ts';
import type { RunConfig } from './config.ts';
import type { ActiveTarget } from './objective.ts';

function parseOptions(
  target: Target<{ weight: number }>,
  options: unknown,
  where: string,
): { weight: number } {
  const parsed = target.schema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const keys = issue.code === 'unrecognized_keys' ? ` '${issue.keys.join("', '")}'` : '';
    const path = issue.path.length ? `.${issue.path.map(String).join('.')}` : '';
    throw new Error(`invalid config: ${where}${path}${keys}: ${issue.message}`);
  }
  return parsed.data;
}

/** Checks that a user module exports a target with the fields the loop needs. */
function asTarget(mod: Record<string, unknown>, path: string): Target<{ weight: number }> {
  const t = (mod.target ?? mod.default) as Partial<Target<{ weight: number }>> | undefined;
  const missing = ['name', 'protocol', 'schema', 'evaluate'].filter((k) => !t || !(k in t));
  if (missing.length > 0) {
    throw new Error(`custom target ${path} must export 'target' (or default) with ${missing.join(', ')}`);
  }
  const protocols = ['grey', 'flashes', 'naturalistic', 'params'];
  if (!protocols.includes(t!.protocol as string)) {
    throw new Error(`custom target ${path}: protocol '${t!.protocol}' is not one of ${protocols.join(', ')}`);
  }
  return t as Target<{ weight: number }>;
}

/** The config's targets with validated options: built-ins by name, then user modules by path. */
export async function activeTargets(config: RunConfig, configDir = process.cwd()): Promise<ActiveTarget[]> {
  const active: ActiveTarget[] = Object.entries(config.targets).map(([name, options]) => {
    const target = builtinTarget(name);
    return { label: name, target, options: parseOptions(target, options, `targets.${name}`) };
  });
  for (const [i, custom] of config.custom.entries()) {
    const path = isAbsolute(custom.module) ? custom.module : resolve(configDir, custom.module);
    let mod: Record<string, unknown>;
    try {
      mod = await import(pathToFileURL(path).href);
    } catch (e) {
      throw new Error(`cannot load custom target custom[${i}] ${path}: ${(e as Error).message}`);
    }
    const target = asTarget(mod, path);
    const label = active.some((a) => a.label === target.name) ? `${target.name}#${i}` : target.name;
    active.push({ label, target, options: parseOptions(target, custom.options, `custom[${i}].options`) });
  }
  if (active.length === 0)
    throw new Error('invalid config: no targets; give at least one under targets or custom');
  return active;
}
