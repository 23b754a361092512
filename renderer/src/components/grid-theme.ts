/**
 * The documents grid's look, from the app's own CSS custom properties: the grid follows the light
 * and dark themes (prefers-color-scheme) without a second theme object, because every colour param
 * is a `var(--cd-…)` that the stylesheet switches.
 */
import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';

ModuleRegistry.registerModules([AllCommunityModule]);

export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 12,
  headerFontWeight: 600,
  spacing: 5,
  rowHeight: 32,
  headerHeight: 34,
  wrapperBorderRadius: 0,
  borderRadius: 3,
  backgroundColor: 'var(--cd-surface)',
  foregroundColor: 'var(--cd-text)',
  textColor: 'var(--cd-text)',
  subtleTextColor: 'var(--cd-text-muted)',
  headerBackgroundColor: 'var(--cd-surface-2)',
  headerTextColor: 'var(--cd-text-muted)',
  borderColor: 'var(--cd-border)',
  rowBorder: { color: 'var(--cd-border-subtle)' },
  accentColor: 'var(--cd-accent)',
  selectedRowBackgroundColor: 'var(--cd-selected)',
  rowHoverColor: 'var(--cd-hover)',
  oddRowBackgroundColor: 'var(--cd-surface)',
  wrapperBorder: false,
  columnBorder: false,
  browserColorScheme: 'inherit',
  focusShadow: { spread: 2, color: 'var(--cd-focus)' },
  cellHorizontalPadding: 12,
});
