/*
 * Runs before install, demo and test on whatever Node the reader has, so it is plain ES5-era
 * CommonJS with no dependencies: on Node 20 the project's TypeScript scripts fail later with
 * ERR_UNKNOWN_FILE_EXTENSION, which names neither the cause nor the cure.
 * Keep supported() in step with package.json "engines" (tests/unit/check-node.test.ts checks it).
 */
'use strict';

/** Node runs the project's .ts scripts without flags from 22.18 (22 LTS) and 23.6 on. */
function supported(version) {
  var parts = String(version).replace(/^v/, '').split('.');
  var major = Number(parts[0]);
  var minor = Number(parts[1]);
  if (major === 22) return minor >= 18;
  if (major === 23) return minor >= 6;
  return major >= 24;
}

function message(version) {
  return [
    'Gloss needs Node 22.18 or newer (24 LTS recommended, see .nvmrc); this is Node ' +
      version +
      ' (' +
      process.execPath +
      ').',
    'Get it with nvm ("nvm install && nvm use" reads .nvmrc), fnm ("fnm use"), your',
    'distribution\u2019s nodejs package if it is new enough, or the installers on nodejs.org;',
    'on Debian/Ubuntu "source .ci/provision.sh" sets up Node 24. Then run the command again.',
  ].join('\n');
}

module.exports = { supported: supported, message: message };

if (require.main === module) {
  var version = process.env.GLOSS_FAKE_NODE_VERSION || process.version;
  if (!supported(version)) {
    process.stderr.write('\n' + message(version) + '\n\n');
    process.exit(1);
  }
}
