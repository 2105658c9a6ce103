// Entry point that @vscode/test-electron loads in the extension host: runs every check in order and
// rejects on the first failure, which makes the VS Code process exit non-zero.
import { checks } from './checks';

export async function run(): Promise<void> {
  let failed = 0;
  for (const check of checks) {
    try {
      await check.run();
      console.log(`  ✔ ${check.name}`);
    } catch (error) {
      failed++;
      console.error(`  ✖ ${check.name}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} of ${checks.length} extension-host checks failed`);
}
