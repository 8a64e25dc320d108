import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { CertificateLanguage } from './dto/certificate.dto';

/** Everything a certificate says, already looked up. */
export interface CertificateFacts {
  teenName: string;
  programTitle: string;
  branchName: string;
  /** YYYY-MM-DD */
  startsOn: string;
  /** YYYY-MM-DD */
  endsOn: string;
  hoursAttended: number;
  libraryName: string;
  sponsorNames: string[];
  issuedAt: Date;
  timezone: string;
  verificationUrl: string;
  language: CertificateLanguage;
}

type Words = {
  title: string;
  certifies: string;
  completed: string;
  where: (branch: string, from: string, to: string) => string;
  hours: (hours: string) => string;
  presentedBy: (library: string) => string;
  sponsoredBy: (sponsors: string) => string;
  issued: (date: string) => string;
  verify: string;
};

const WORDS: Record<CertificateLanguage, Words> = {
  en: {
    title: 'Certificate of Completion',
    certifies: 'This certifies that',
    completed: 'has completed the program',
    where: (branch, from, to) => `at ${branch}, ${from} – ${to}`,
    hours: (hours) => `${hours} hours attended`,
    presentedBy: (library) => `Presented by ${library}`,
    sponsoredBy: (sponsors) => `Sponsored by ${sponsors}`,
    issued: (date) => `Issued on ${date}`,
    verify: 'Check that this certificate is genuine:',
  },
  es: {
    title: 'Certificado de finalización',
    certifies: 'Se certifica que',
    completed: 'ha completado el programa',
    where: (branch, from, to) => `en ${branch}, del ${from} al ${to}`,
    hours: (hours) => `${hours} horas de asistencia`,
    presentedBy: (library) => `Otorgado por ${library}`,
    sponsoredBy: (sponsors) => `Con el patrocinio de ${sponsors}`,
    issued: (date) => `Emitido el ${date}`,
    verify: 'Compruebe que este certificado es auténtico:',
  },
};

const LOCALES: Record<CertificateLanguage, string> = { en: 'en-US', es: 'es-ES' };
const INK = '#1f2a44';
const ACCENT = '#2f6f5e';

/**
 * The certificate as a one-page landscape A4 PDF (pdfkit, its built-in Helvetica: nothing to embed or fetch),
 * with a QR code of the verification URL and the URL itself written out beneath it.
 */
export async function renderCertificate(facts: CertificateFacts): Promise<Buffer> {
  const words = WORDS[facts.language];
  const locale = LOCALES[facts.language];
  const day = (isoDate: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
  const issuedOn = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: facts.timezone }).format(facts.issuedAt);
  const hours = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(facts.hoursAttended);
  const qr = await QRCode.toBuffer(facts.verificationUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 });

  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 48,
    info: { Title: `${words.title}: ${facts.programTitle}`, Author: facts.libraryName, Subject: facts.teenName, CreationDate: facts.issuedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const { width, height } = doc.page;
  const inner = width - 2 * 48;
  doc.rect(24, 24, width - 48, height - 48).lineWidth(3).stroke(ACCENT);
  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(16).text(facts.libraryName.toUpperCase(), 48, 64, { width: inner, align: 'center', characterSpacing: 2 });
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(34).text(words.title, 48, 100, { width: inner, align: 'center' });
  doc.font('Helvetica').fontSize(15).text(words.certifies, 48, 165, { width: inner, align: 'center' });
  doc.font('Helvetica-Bold').fontSize(30).text(facts.teenName, 48, 192, { width: inner, align: 'center' });
  doc.font('Helvetica').fontSize(15).text(words.completed, 48, 240, { width: inner, align: 'center' });
  doc.font('Helvetica-Bold').fontSize(22).text(facts.programTitle, 48, 264, { width: inner, align: 'center' });
  doc.font('Helvetica').fontSize(14).text(words.where(facts.branchName, day(facts.startsOn), day(facts.endsOn)), 48, 300, { width: inner, align: 'center' });
  doc.text(words.hours(hours), { width: inner, align: 'center' });

  const footer = height - 170;
  doc.fontSize(12).text(words.presentedBy(facts.libraryName), 64, footer, { width: inner - 200 });
  if (facts.sponsorNames.length) doc.text(words.sponsoredBy(facts.sponsorNames.join(', ')), { width: inner - 200 });
  doc.text(words.issued(issuedOn), { width: inner - 200 });
  doc.moveDown().fontSize(9).fillColor('#555555').text(words.verify, { width: inner - 200 }).text(facts.verificationUrl, { width: inner - 200, link: facts.verificationUrl });
  doc.image(qr, width - 48 - 130, footer - 10, { width: 110, height: 110 });
  doc.end();
  return done;
}
