#!/usr/bin/env node
// Browser tests drive the system Chromium through playwright-core (no browser download). On a
// fresh Debian/Ubuntu CI machine (running as root) it is installed with apt when missing.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (existsSync(CHROMIUM)) {
  console.log(`chromium: ${CHROMIUM}`);
} else {
  console.log(`chromium: ${CHROMIUM} is missing, installing it with apt-get`);
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  execSync(`${sudo}apt-get update && ${sudo}apt-get install -y chromium`, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!existsSync(CHROMIUM)) {
    console.error(`chromium: still no ${CHROMIUM} after apt-get; set CHROMIUM_PATH to a Chromium binary.`);
    process.exit(1);
  }
}
