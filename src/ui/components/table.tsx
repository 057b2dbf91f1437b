import type { ComponentChildren } from 'preact';

interface SimpleTableProps {
  caption: string;
  headers: string[];
  rows: ComponentChildren[][];
  /** The first cell of each row names the row (a year, a metric): a row header for screen readers. */
  rowHeaders?: boolean;
  /** Keep the caption for screen readers only, when a heading above already says it. */
  hideCaption?: boolean;
}

/** A DSFR table with a caption and column headers. */
export function SimpleTable({ caption, headers, rows, rowHeaders = false, hideCaption = false }: SimpleTableProps) {
  return (
    <div class="fr-table fr-table--bordered">
      <table>
        <caption class={hideCaption ? 'fr-sr-only' : undefined}>{caption}</caption>
        <thead><tr>{headers.map((header) => <th scope="col" key={header}>{header}</th>)}</tr></thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {row.map((cell, cellIndex) => (cellIndex === 0 && rowHeaders ? <th scope="row" key={cellIndex}>{cell}</th> : <td key={cellIndex}>{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
