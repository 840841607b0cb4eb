/** The commit a generated file was measured at, with "+changes" when the tracked tree was dirty. */
import { execSync } from 'node:child_process';

/** `written`: the generated file itself, which does not count as a change to the code that measured it. */
export function commitOfTree(written: string): string {
  const head = execSync('git rev-parse --short=12 HEAD', { encoding: 'utf8' }).trim();
  const dirty = execSync(`git status --porcelain --untracked-files=no -- . ':!${written}'`, { encoding: 'utf8' }).trim() !== '';
  return dirty ? `${head}+changes` : head;
}
