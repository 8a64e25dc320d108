// Reads the PDF on stdin with pdf-parse (pdf.js) and prints { text, images } as JSON. Run by plain node:
// pdf.js loads its worker by a dynamic import, which jest's module sandbox does not allow.
import { PDFParse } from 'pdf-parse';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
try {
  const { text, total } = await parser.getText();
  const { pages } = await parser.getImage({ imageThreshold: 50 });
  const images = pages.flatMap((p) => p.images.map((i) => ({ width: i.width, height: i.height })));
  process.stdout.write(JSON.stringify({ text, pages: total, images }));
} finally {
  await parser.destroy();
}
