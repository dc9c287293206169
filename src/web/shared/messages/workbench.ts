/** Interface words of the workbench face. */
const zh = {
} as const;

const en: Record<keyof typeof zh, string> = {
};

export const workbench = { zh, en };
