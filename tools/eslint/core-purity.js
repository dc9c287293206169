// src/core runs in the server and the browser alike: it may import only files inside src/core.
import path from 'node:path';

const coreDir = path.resolve(import.meta.dirname, '../../src/core');

function isInsideCore(fromFile, source) {
  if (!source.startsWith('.')) return false;
  const target = path.resolve(path.dirname(fromFile), source);
  return target === coreDir || target.startsWith(coreDir + path.sep);
}

export const corePurity = {
  meta: {
    type: 'problem',
    messages: {
      outside: "src/core must stay pure: '{{source}}' is outside src/core (no packages, no Node built-ins).",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const check = (node, sourceNode) => {
      if (!sourceNode || typeof sourceNode.value !== 'string') return;
      if (!isInsideCore(file, sourceNode.value)) {
        context.report({ node, messageId: 'outside', data: { source: sourceNode.value } });
      }
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
