// Types of scripts/build-widget-fixtures.mjs for the TypeScript e2e tests.
export declare const WIDGETS_DIR: string;
export declare const WIDGET_ENTRIES: string[];
export declare function buildWidgetFixtures(options?: { force?: boolean }): Promise<{ built: boolean; ms: number }>;
