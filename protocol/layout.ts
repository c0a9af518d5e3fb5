import { z } from 'zod';

/** One cell of a layout: its top-left position (from 0) and how many rows and columns it covers. */
export const CellSchema = z.strictObject({
  row: z.number().int().min(0).max(11),
  column: z.number().int().min(0).max(11),
  rowSpan: z.number().int().min(1).max(12),
  columnSpan: z.number().int().min(1).max(12),
});
export type Cell = z.infer<typeof CellSchema>;

export const TEMPLATE_NAMES = ['1', '2x2', '3x3', '4x4', '5x5', '6x6', '1+5', '1+7', '1+12', '2+8'] as const;
export const TemplateNameSchema = z.enum(TEMPLATE_NAMES);
export type TemplateName = z.infer<typeof TemplateNameSchema>;

/** The most tiles a layout may have: a 6x6 grid, the densest template. */
export const MAX_TILES = 36;

/**
 * A screen's layout: a grid of rows and columns whose cells may cover several. `template`
 * names the template it came from, or `custom`. Tiles are numbered in the order of `cells`.
 */
export const LayoutSchema = z
  .strictObject({
    template: z.union([TemplateNameSchema, z.literal('custom')]),
    columns: z.number().int().min(1).max(12),
    rows: z.number().int().min(1).max(12),
    cells: z.array(CellSchema).min(1).max(MAX_TILES),
  })
  .superRefine((layout, ctx) => {
    const taken = new Set<string>();
    layout.cells.forEach((cell, index) => {
      if (cell.row + cell.rowSpan > layout.rows || cell.column + cell.columnSpan > layout.columns) {
        ctx.addIssue({ code: 'custom', path: ['cells', index], message: `cell ${index + 1} reaches outside the ${layout.columns}x${layout.rows} grid` });
        return;
      }
      for (let row = cell.row; row < cell.row + cell.rowSpan; row += 1) {
        for (let column = cell.column; column < cell.column + cell.columnSpan; column += 1) {
          const key = `${row}:${column}`;
          if (taken.has(key)) {
            ctx.addIssue({ code: 'custom', path: ['cells', index], message: `cell ${index + 1} overlaps another cell at row ${row + 1}, column ${column + 1}` });
            return;
          }
          taken.add(key);
        }
      }
    });
  });
export type Layout = z.infer<typeof LayoutSchema>;

/** A regular grid of `columns` x `rows` single cells, numbered row by row. */
export function regularGrid(columns: number, rows: number, template: Layout['template'] = 'custom'): Layout {
  const cells: Cell[] = [];
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) cells.push({ row, column, rowSpan: 1, columnSpan: 1 });
  }
  return { template, columns, rows, cells };
}

/** A grid with big cells first, then every remaining single cell row by row. */
function withBigCells(template: TemplateName, size: number, big: readonly Cell[]): Layout {
  const covered = new Set<string>();
  for (const cell of big) {
    for (let row = cell.row; row < cell.row + cell.rowSpan; row += 1) {
      for (let column = cell.column; column < cell.column + cell.columnSpan; column += 1) covered.add(`${row}:${column}`);
    }
  }
  const small = regularGrid(size, size).cells.filter((cell) => !covered.has(`${cell.row}:${cell.column}`));
  return { template, columns: size, rows: size, cells: [...big, ...small] };
}

/** The layout of a named template. */
export function templateLayout(name: TemplateName): Layout {
  switch (name) {
    case '1': return regularGrid(1, 1, name);
    case '2x2': return regularGrid(2, 2, name);
    case '3x3': return regularGrid(3, 3, name);
    case '4x4': return regularGrid(4, 4, name);
    case '5x5': return regularGrid(5, 5, name);
    case '6x6': return regularGrid(6, 6, name);
    // One large tile top-left over 2x2 of a 3x3 grid, five small around it.
    case '1+5': return withBigCells(name, 3, [{ row: 0, column: 0, rowSpan: 2, columnSpan: 2 }]);
    // One large tile over 3x3 of a 4x4 grid, seven small along the right and bottom.
    case '1+7': return withBigCells(name, 4, [{ row: 0, column: 0, rowSpan: 3, columnSpan: 3 }]);
    // One large tile in the middle 2x2 of a 4x4 grid, twelve small around it.
    case '1+12': return withBigCells(name, 4, [{ row: 1, column: 1, rowSpan: 2, columnSpan: 2 }]);
    // Two large tiles side by side over the top half of a 4x4 grid, eight small below.
    case '2+8': return withBigCells(name, 4, [{ row: 0, column: 0, rowSpan: 2, columnSpan: 2 }, { row: 0, column: 2, rowSpan: 2, columnSpan: 2 }]);
  }
}
