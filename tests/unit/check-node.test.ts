/** The front door: an old Node is refused at once, with what was found, what is needed and how. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { supported } = require('../../scripts/check-node.cjs') as {
  supported(version: string): boolean;
};
const engines = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } })
  .engines.node;

function runCheck(version: string, node = process.execPath) {
  return spawnSync(node, ['scripts/check-node.cjs'], {
    encoding: 'utf8',
    env: { ...process.env, GLOSS_FAKE_NODE_VERSION: version },
  });
}

describe('scripts/check-node.cjs', () => {
  // The range npm enforces (engine-strict) and the one the script names must be the same range.
  it('agrees with package.json engines', () => {
    expect(engines).toBe('^22.18.0 || >=23.6.0');
    const expected: Record<string, boolean> = {
      '18.20.0': false,
      '20.20.2': false,
      '22.0.0': false,
      '22.17.1': false,
      '22.18.0': true,
      '23.5.0': false,
      '23.6.0': true,
      '24.0.0': true,
      '26.1.0': true,
    };
    for (const [version, ok] of Object.entries(expected))
      expect(supported(version), version).toBe(ok);
  });

  it('refuses Node 20 naming the Node found, the Node needed and how to get it', () => {
    const result = runCheck('v20.20.2');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('this is Node v20.20.2');
    expect(result.stderr).toContain('Node 22.18 or newer');
    expect(result.stderr).toMatch(/nvm install/);
    expect(result.stderr).toContain('.nvmrc');
  });

  it('lets a supported Node through silently', () => {
    const result = runCheck('v24.21.0');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  // Debian's Node 20 is what a newcomer most often has; the script must run on it, not just say no.
  it.runIf(existsSync('/usr/bin/node'))('runs on the system Node', () => {
    const version = execFileSync('/usr/bin/node', ['--version'], { encoding: 'utf8' }).trim();
    const result = runCheck('', '/usr/bin/node');
    expect(result.status).toBe(supported(version) ? 0 : 1);
    if (!supported(version)) expect(result.stderr).toContain(`this is Node ${version}`);
  });
});
