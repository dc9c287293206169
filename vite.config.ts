import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes a .br and a .gz beside every text asset of the build, at the highest levels (once, at
 * build time, rather than per request); the server sends them by Accept-Encoding (http/web.ts).
 * Files under 1 KiB, or that would not shrink, are left alone.
 */
function precompress(): Plugin {
  return {
    name: 'onething-precompress',
    apply: 'build',
    async writeBundle(options) {
      const root = options.dir as string;
      const files = (await fs.readdir(root, { recursive: true })).filter((f) => /\.(?:js|mjs|css|html|svg|json|txt)$/.test(f));
      await Promise.all(files.map(async (f) => {
        const file = path.join(root, f);
        const data = await fs.readFile(file);
        if (data.length < 1024) return;
        const [br, gz] = await Promise.all([
          brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } }),
          gzip(data, { level: 9 }),
        ]);
        if (br.length < data.length) await fs.writeFile(`${file}.br`, br);
        if (gz.length < data.length) await fs.writeFile(`${file}.gz`, gz);
      }));
    },
  };
}

// The web app lives in src/web and is served by the onething server from dist/web.
export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/verify': 'http://localhost:3000' } },
});
