// Builds the portal's static assets into dist/ (packaged by Maven as the jar's public/ folder).
// Only files from the npm registry and from src/ are used: no CDN, no download at run time.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const kern = join(here, 'node_modules', '@kern-ux', 'native', 'dist');
const out = join(here, 'dist');

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'fonts', 'fira-sans'), { recursive: true });

// KERN styles, as published.
cpSync(join(kern, 'kern.min.css'), join(out, 'kern.min.css'));
cpSync(join(here, 'node_modules', '@kern-ux', 'native', 'LICENSE.md'), join(out, 'KERN-LICENSE.md'));

// Only the Fira Sans faces the KERN styles use (400, 500, 600, italic 400) to keep pages light.
const faces = ['Regular', 'Italic', 'Medium', 'SemiBold', 'Bold'];
const fontCss = readFileSync(join(kern, 'fonts', 'fira-sans.css'), 'utf8')
  .split('@font-face')
  .filter((block) => faces.some((f) => block.includes(`FiraSans-${f}.woff2`)))
  .map((block) => '@font-face' + block.trimEnd())
  .join('\n')
  .replace(/^@font-face@font-face/, '@font-face')
  .replace(/url\("\.\/fira-sans\//g, 'url("fonts/fira-sans/')
  .replace(/font-style: normal;/g, 'font-style: normal;\n    font-display: swap;');
for (const f of faces) {
  cpSync(join(kern, 'fonts', 'fira-sans', `FiraSans-${f}.woff2`), join(out, 'fonts', 'fira-sans', `FiraSans-${f}.woff2`));
}

// The portal's own styles and scripts: fonts first, then KERN, then ours, in one file.
const app = readFileSync(join(here, 'src', 'app.css'), 'utf8');
writeFileSync(join(out, 'fonts.css'), fontCss + '\n');
writeFileSync(join(out, 'app.css'), app);
cpSync(join(here, 'src', 'app.js'), join(out, 'app.js'));
cpSync(join(here, 'src', 'favicon.svg'), join(out, 'favicon.svg'));
console.log('frontend assets built into', out);
