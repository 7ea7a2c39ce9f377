/** The certificate as a PDF (pdfkit with the bundled Noto Sans JP, subset per document). */
import { createCanvas, loadImage } from "@napi-rs/canvas";
import PDFDocument from "pdfkit";
import { tableHeadings } from "../../features/competency/certificate.ts";
import type { CertificateRenderer } from "../../features/competency/ports.ts";
import { t } from "../../i18n/translate.ts";
import { pdfFont } from "./fonts.ts";

const MARGIN = 50;
const fmt = (v: number | null) => (v === null ? "–" : String(v));

/**
 * pdfkit decodes a PNG with an alpha channel in JavaScript (over a second per chart); a JPEG it
 * embeds as is. The chart has a white background, so it goes in as a JPEG.
 */
async function asJpeg(png: Buffer): Promise<Buffer> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext("2d").drawImage(image, 0, 0);
  return canvas.encode("jpeg", 90);
}

export const renderCertificatePdf: CertificateRenderer = async ({ facts, hash, chart: png, table }) => {
  const chart = await asJpeg(png);
  return new Promise<Buffer>((resolve, reject) => {
    const L = facts.locale;
    const doc = new PDFDocument({
      size: "A4",
      margin: MARGIN,
      info: { Title: `${t(L, `certificate.pdf.${facts.kind}`)} ${facts.serial}`, Producer: "taiken" },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.registerFont("body", pdfFont(400));
    doc.registerFont("bold", pdfFont(700));
    const width = doc.page.width - 2 * MARGIN;

    doc
      .font("bold")
      .fontSize(24)
      .text(t(L, `certificate.pdf.${facts.kind}`), { align: "center" });
    doc.moveDown(0.5);
    doc
      .font("body")
      .fontSize(12)
      .text(t(L, "certificate.pdf.intro", { intern: facts.intern }), { align: "center" });
    doc.moveDown();

    const row = (label: string, value: string) => {
      const y = doc.y;
      doc.font("bold").fontSize(11).text(label, MARGIN, y, { width: 140 });
      doc
        .font("body")
        .fontSize(11)
        .text(value, MARGIN + 150, y, { width: width - 150 });
      doc.moveDown(0.3);
    };
    row(t(L, "certificate.pdf.programme"), facts.programme);
    row(t(L, "certificate.pdf.period"), `${facts.startsOn} – ${facts.endsOn}`);
    row(t(L, "certificate.pdf.project"), facts.project ?? t(L, "certificate.pdf.noProject"));
    row(t(L, "certificate.pdf.activeDays"), t(L, "certificate.pdf.days", { count: facts.activeDays }));
    row(t(L, "certificate.pdf.reports"), t(L, "certificate.pdf.count", { count: facts.reports }));
    row(t(L, "certificate.pdf.submissions"), t(L, "certificate.pdf.count", { count: facts.submissions }));
    row(t(L, "certificate.pdf.presented"), facts.presentedOn ?? t(L, "certificate.pdf.notPresented"));
    doc.moveDown();

    doc.font("bold").fontSize(14).text(t(L, "certificate.pdf.change"), MARGIN);
    doc.image(chart, MARGIN + (width - 300) / 2, doc.y + 4, { fit: [300, 270] });
    doc.y += 280;

    const headings = tableHeadings(L);
    const columns = [150, ...headings.slice(1).map(() => (width - 150) / (headings.length - 1))];
    const line = (cells: string[], font: "body" | "bold") => {
      const y = doc.y;
      let x = MARGIN;
      cells.forEach((cell, i) => {
        doc
          .font(font)
          .fontSize(8.5)
          .text(cell, x, y, { width: columns[i] ?? 60, align: i === 0 ? "left" : "center" });
        x += columns[i] ?? 60;
      });
      doc.y = y + 12;
    };
    line(headings, "bold");
    for (const r of table) line([r.label, ...r.values.map(fmt)], "body");
    const c = facts.change;
    line(
      [
        t(L, "certificate.pdf.mean"),
        fmt(c.selfBefore),
        fmt(c.selfDuring),
        fmt(c.selfAfter),
        fmt(c.mentorAfter),
      ],
      "bold",
    );
    doc.moveDown();

    if (facts.mentorComment !== null) {
      doc.font("bold").fontSize(11).text(t(L, "certificate.pdf.mentorComment"), MARGIN);
      doc.font("body").fontSize(10).text(facts.mentorComment, MARGIN, doc.y, { width });
      doc.moveDown();
    }
    doc.font("body").fontSize(9);
    doc.text(
      `${t(L, "certificate.pdf.serial")}: ${facts.serial}    ${t(L, "certificate.pdf.issued")}: ${facts.issuedOn}`,
      MARGIN,
    );
    doc.text(`${t(L, "certificate.pdf.hash")}: ${hash}`, MARGIN, doc.y, { width });
    doc.end();
  });
};
