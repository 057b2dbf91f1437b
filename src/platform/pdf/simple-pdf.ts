/**
 * A small PDF writer for text documents (the downloadable templates): A4 pages, Helvetica,
 * a title, headings, paragraphs and list items, wrapped and paginated. Text is encoded in
 * WinAnsi (cp1252), which covers French (é, ç, œ, «, », ’, €…).
 */
export interface PdfBlock {
  kind: 'title' | 'heading' | 'paragraph' | 'line' | 'item';
  text: string;
}

const CP1252_EXTRAS: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c,
  'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b,
  'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f, '\u202f': 0x20, '\u00a0': 0xa0,
};

function encodeText(text: string): string {
  let output = '';
  for (const character of text) {
    const code = CP1252_EXTRAS[character] ?? character.codePointAt(0)!;
    const byte = code <= 0xff ? code : 0x3f; // "?" for characters WinAnsi cannot show
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) output += `\\${String.fromCharCode(byte)}`;
    else if (byte < 0x20 || byte > 0x7e) output += `\\${byte.toString(8).padStart(3, '0')}`;
    else output += String.fromCharCode(byte);
  }
  return output;
}

const STYLES = {
  title: { size: 16, font: 'F2', before: 0, lineHeight: 20, width: 60 },
  heading: { size: 12, font: 'F2', before: 14, lineHeight: 16, width: 80 },
  paragraph: { size: 10, font: 'F1', before: 6, lineHeight: 13, width: 95 },
  // A line that continues a paragraph: the template's own line breaks are kept (one field a line).
  line: { size: 10, font: 'F1', before: 0, lineHeight: 13, width: 95 },
  item: { size: 10, font: 'F1', before: 3, lineHeight: 13, width: 90 },
} as const;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  return lines.length ? lines : [''];
}

export function buildPdf(blocks: PdfBlock[], options: { title: string }): Buffer {
  const pageHeight = 842;
  const margin = 56;
  const pages: string[][] = [[]];
  let y = pageHeight - margin;
  for (const block of blocks) {
    const style = STYLES[block.kind];
    const lines = wrap(block.kind === 'item' ? `• ${block.text}` : block.text, style.width);
    y -= style.before;
    for (const [index, line] of lines.entries()) {
      if (y - style.lineHeight < margin) {
        pages.push([]);
        y = pageHeight - margin;
      }
      y -= style.lineHeight;
      const x = block.kind === 'item' && index > 0 ? margin + 10 : margin;
      pages.at(-1)!.push(`BT /${style.font} ${style.size} Tf ${x} ${y} Td (${encodeText(line)}) Tj ET`);
    }
  }
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('PAGES_PLACEHOLDER');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  add(`<< /Title (${encodeText(options.title)}) /Producer (Elles font la culture) >>`);
  const pageIds: number[] = [];
  for (const content of pages) {
    const stream = content.join('\n');
    add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    const contentId = objects.length;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${contentId} 0 R >>`);
    pageIds.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** The templates' text format: first line the title, "## " headings, "- " items, paragraphs. */
export function textToBlocks(source: string): PdfBlock[] {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  const blocks: PdfBlock[] = [{ kind: 'title', text: lines[0]!.trim() }];
  let paragraph: string[] = [];
  const flush = () => {
    paragraph.forEach((text, index) => blocks.push({ kind: index === 0 ? 'paragraph' : 'line', text }));
    paragraph = [];
  };
  for (const line of lines.slice(1)) {
    const trimmed = line.trim();
    if (!trimmed) flush();
    else if (trimmed.startsWith('## ')) {
      flush();
      blocks.push({ kind: 'heading', text: trimmed.slice(3) });
    } else if (trimmed.startsWith('- ')) {
      flush();
      blocks.push({ kind: 'item', text: trimmed.slice(2) });
    } else paragraph.push(trimmed);
  }
  flush();
  return blocks;
}
