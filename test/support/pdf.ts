import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** A PDF as pdf.js reads it: its text (whitespace runs as one space), page count and embedded images. */
export interface ReadPdf {
  text: string;
  pages: number;
  images: { width: number; height: number }[];
}

/** Parses the PDF with pdf-parse in a child node process (pdf.js needs dynamic imports that jest's sandbox refuses). */
export function readPdf(data: Buffer): Promise<ReadPdf> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [join(__dirname, 'read-pdf.mjs')], { maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`pdf-parse failed: ${stderr || error.message}`));
      const read = JSON.parse(stdout) as ReadPdf;
      resolve({ ...read, text: read.text.replace(/\s+/g, ' ') });
    });
    child.stdin!.end(data);
  });
}

/** A supertest parser that keeps a PDF as a Buffer and reads anything else (a problem+json) as JSON. */
export function pdfOrJson(res: NodeJS.ReadableStream & { headers: Record<string, string> }, done: (error: Error | null, body: unknown) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => {
    const body = Buffer.concat(chunks);
    done(null, String(res.headers['content-type']).startsWith('application/pdf') ? body : JSON.parse(body.toString('utf8') || 'null'));
  });
}
