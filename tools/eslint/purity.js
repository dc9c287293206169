// Folders read by the server and the browser alike may import only their own files and a few packages:
// src/core nothing else (no packages, no Node built-ins), src/contracts typebox besides, src/shared
// (helpers with a clock, such as dates in Asia/Shanghai) nothing else either.
import path from 'node:path';

function purityRule(folder, packages) {
  const dir = path.resolve(import.meta.dirname, '../..', folder);
  const allowed = (fromFile, source) => {
    if (packages.includes(source)) return true;
    if (!source.startsWith('.')) return false;
    const target = path.resolve(path.dirname(fromFile), source);
    return target === dir || target.startsWith(dir + path.sep);
  };
  const besides = packages.length > 0 ? ` nor ${packages.join(', ')}` : ' (no packages, no Node built-ins)';
  return {
    meta: {
      type: 'problem',
      messages: { outside: `${folder} must stay pure: '{{source}}' is outside ${folder}${besides}.` },
      schema: [],
    },
    create(context) {
      const file = context.filename;
      const check = (node, sourceNode) => {
        if (!sourceNode || typeof sourceNode.value !== 'string') return;
        if (!allowed(file, sourceNode.value)) context.report({ node, messageId: 'outside', data: { source: sourceNode.value } });
      };
      return {
        ImportDeclaration: (node) => check(node, node.source),
        ExportNamedDeclaration: (node) => check(node, node.source),
        ExportAllDeclaration: (node) => check(node, node.source),
        ImportExpression: (node) => check(node, node.source),
        CallExpression: (node) => {
          if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, node.arguments[0]);
        },
      };
    },
  };
}

export const corePurity = purityRule('src/core', []);
export const contractsPurity = purityRule('src/contracts', ['typebox']);
export const sharedPurity = purityRule('src/shared', []);
