/** Interface words of the admin face. */
const zh = {
} as const;

const en: Record<keyof typeof zh, string> = {
};

export const admin = { zh, en };
