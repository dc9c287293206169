// Preloaded into the e2e server child (`node --import`): its stdin is a pipe from the test process,
// so when that process goes away however it ends (even SIGKILL), stdin closes and the server
// removes its temporary data directory and exits instead of living on as an orphan.
import fs from 'node:fs';

const dataDir = process.env.ONETHING_E2E_TEMP_DIR;
process.stdin.on('end', () => {
  if (dataDir) {
    try {
      fs.rmSync(dataDir, { recursive: true, force: true });
    } catch {
      // best effort: the test process cleans it too when it can
    }
  }
  process.exit(1);
});
process.stdin.resume();
