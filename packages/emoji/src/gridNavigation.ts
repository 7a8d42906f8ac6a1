/**
 * Arrow-key movement in the picker's grid. The grid is sections (categories) of cells laid out
 * `columns` to a row, each section starting a new row; a cell is addressed by its index in the
 * whole list (section after section). Pure, so the unit tests check every edge without a browser.
 */

/** Where a key moves the focus: another cell, up out of the grid (to the search box), or nowhere. */
export type GridMove = number | 'above' | null;

interface Cell {
  section: number;
  /** Index inside its section. */
  offset: number;
}

function locate(sizes: number[], index: number): Cell {
  let start = 0;
  for (let section = 0; section < sizes.length; section++) {
    if (index < start + sizes[section]!) return { section, offset: index - start };
    start += sizes[section]!;
  }
  throw new RangeError(`cell ${index} is outside a grid of ${start}`);
}

const sectionStart = (sizes: number[], section: number): number => sizes.slice(0, section).reduce((sum, size) => sum + size, 0);
const lastRowStart = (size: number, columns: number): number => Math.floor((size - 1) / columns) * columns;

/**
 * The cell `key` moves to from `index`. Left and right run through the list (across rows and
 * sections) and stop at its ends; up and down keep the column, moving into the last or first row
 * of the neighbouring section, and land on that row's last cell when it is shorter; Home and End
 * go to the ends of the row. Up from the first row leaves the grid. Other keys are not handled.
 */
export function moveInGrid(sizes: number[], columns: number, index: number, key: string): GridMove {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total === 0) return key === 'ArrowUp' ? 'above' : null;
  const { section, offset } = locate(sizes, index);
  const size = sizes[section]!;
  const column = offset % columns;
  const rowStart = offset - column;
  const base = sectionStart(sizes, section);
  switch (key) {
    case 'ArrowLeft':
      return Math.max(0, index - 1);
    case 'ArrowRight':
      return Math.min(total - 1, index + 1);
    case 'Home':
      return base + rowStart;
    case 'End':
      return base + Math.min(size - 1, rowStart + columns - 1);
    case 'ArrowDown': {
      if (rowStart + columns < size) return base + Math.min(size - 1, offset + columns);
      const next = sizes.findIndex((s, i) => i > section && s > 0);
      if (next === -1) return index;
      return sectionStart(sizes, next) + Math.min(sizes[next]! - 1, column);
    }
    case 'ArrowUp': {
      if (rowStart > 0) return base + offset - columns;
      let previous = -1;
      for (let i = section - 1; i >= 0; i--) {
        if (sizes[i]! > 0) {
          previous = i;
          break;
        }
      }
      if (previous === -1) return 'above';
      const previousSize = sizes[previous]!;
      return sectionStart(sizes, previous) + Math.min(previousSize - 1, lastRowStart(previousSize, columns) + column);
    }
    default:
      return null;
  }
}
